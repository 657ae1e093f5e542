namespace Microsoft.ML.Reports.Tests;

[TestClass]
public sealed class AxisTicksTests
{
    [TestMethod]
    public void Nice_ZeroToHundred_StepsByTwenty() =>
        CollectionAssert.AreEqual(new double[] { 0, 20, 40, 60, 80, 100 }, AxisTicks.Nice(0, 100, 6));

    [TestMethod]
    public void Nice_RangeAcrossZero_EnclosesBothEndsWithStepFive() =>
        CollectionAssert.AreEqual(new double[] { -5, 0, 5, 10, 15 }, AxisTicks.Nice(-3.7, 12.2, 6));

    [TestMethod]
    public void Nice_UnitInterval_GivesExactTenthsWithoutFloatingPointDrift() =>
        CollectionAssert.AreEqual(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, AxisTicks.Nice(0, 1, 6));

    [TestMethod]
    public void Nice_FlatSeries_WidensTheRangeByTenPercent() =>
        CollectionAssert.AreEqual(new[] { 4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6 }, AxisTicks.Nice(5, 5, 6));

    [TestMethod]
    public void Nice_AllZero_SpansMinusOneToOne() =>
        CollectionAssert.AreEqual(new[] { -1, -0.5, 0, 0.5, 1 }, AxisTicks.Nice(0, 0, 6));

    [TestMethod]
    public void Nice_WithMinimumStepOne_KeepsEpochTicksWhole() =>
        CollectionAssert.AreEqual(new double[] { 1, 2, 3 }, AxisTicks.Nice(1, 3, 8, minimumStep: 1));

    [TestMethod]
    public void Nice_NaNBound_ThrowsNamingTheRange()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => AxisTicks.Nice(double.NaN, 1));
        StringAssert.Contains(error.Message, "[NaN, 1]");
    }

    [TestMethod]
    public void Nice_MinimumAboveMaximum_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => AxisTicks.Nice(2, 1));

    [TestMethod]
    public void Label_UsesDecimalsOfTheStep()
    {
        Assert.AreEqual("0.6", AxisTicks.Label(0.6000000000000001, 0.2));
        Assert.AreEqual("15", AxisTicks.Label(15, 5));
        Assert.AreEqual("0.25", AxisTicks.Label(0.25, 0.05));
    }

    [TestMethod]
    public void Label_TinyNegativeTick_ReadsZeroNotMinusZero() =>
        Assert.AreEqual("0.0", AxisTicks.Label(-1e-17, 0.5));
}
