namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomExamplesTests
{
    [TestMethod]
    public void Constructor_WithANonFiniteFeature_NamesRowAndFeature()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new BpSomExamples([0f, 1f, 2f, float.NaN], [1, 2], 2, 2));
        StringAssert.Contains(error.Message, "Row 1, feature 1: NaN");
    }

    [TestMethod]
    public void Constructor_WithALabelOutsideTheClasses_NamesRowAndLabel()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BpSomExamples([0f, 1f], [1, 3], 1, 2));
        StringAssert.Contains(error.Message, "Row 1: label 3 lies outside the classes 1..2");
    }
}
