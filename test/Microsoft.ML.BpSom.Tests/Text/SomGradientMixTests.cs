namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SomGradientMixTests
{
    [TestMethod]
    public void Apply_SubtractsTheSomErrorScaledByAlphaOverBatchSize_OnlyInRowsWithTheErrorOn()
    {
        // B = 2, α = 0.25: row 0 becomes 0.75·g − 0.125·som; row 1 (error off) keeps its gradient.
        float[] gradient = [0.4f, -0.8f, 1f, 2f];
        float[] som = [0.2f, 0.1f, 5f, 5f];
        SomGradientMix.Apply(gradient, som, [true, false], alpha: 0.25f);
        Approx.AreEqual([0.275f, -0.6125f, 1f, 2f], gradient);
    }

    [TestMethod]
    public void Apply_WithAlphaOne_LeavesOnlyTheSomTerm()
    {
        float[] gradient = [3f, -1f, 0.5f, 0.5f, 7f, 7f];
        SomGradientMix.Apply(gradient, [0.3f, 0.6f, 0f, 0f, 0.9f, -0.3f], [true, false, true], alpha: 1f);
        // B = 3: −som/3 where on.
        Approx.AreEqual([-0.1f, -0.2f, 0.5f, 0.5f, -0.3f, 0.1f], gradient);
    }

    [TestMethod]
    public void Apply_WithAlphaZero_LeavesTheGradientUnchanged()
    {
        float[] gradient = [0.4f, -0.8f];
        SomGradientMix.Apply(gradient, [9f, 9f], [true], alpha: 0f);
        Approx.AreEqual([0.4f, -0.8f], gradient);
    }

    [TestMethod]
    public void Apply_WithAlphaOutsideUnitInterval_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SomGradientMix.Apply(new float[2], new float[2], [true], alpha: 1.5f));
}
