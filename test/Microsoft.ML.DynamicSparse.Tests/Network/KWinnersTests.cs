using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class KWinnersTests
{
    [TestMethod]
    public void Forward_PassesTheTopKUnboostedValues_AndBoostFavoursRarelyActiveUnits()
    {
        var kw = new KWinners(units: 4, percentOn: 0.5, boostStrength: 1, kInferenceFactor: 1.5, dutyCyclePeriod: 1000);
        float[] first = [0.1f, 0.5f, -0.2f, 0.3f]; // one sample, duty cycles 0: plain top-2

        kw.Forward(first, batch: 1, training: true);

        CollectionAssert.AreEqual(new[] { 0f, 0.5f, 0f, 0.3f }, first);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f, 1f }, kw.DutyCycles); // period min(1000, 1) = 1

        // Boosts exp(0.5 − duty): units 0, 2 get e^0.5, units 1, 3 get e^−0.5.
        // Boosted: 0.495, 0.243, 0.165, 0.212 → winners 0 and 1.
        float[] second = [0.3f, 0.4f, 0.1f, 0.35f];
        kw.Forward(second, batch: 1, training: true);

        CollectionAssert.AreEqual(new[] { 0.3f, 0.4f, 0f, 0f }, second);
    }

    [TestMethod]
    public void Forward_InEvaluation_KeepsKTimesTheInferenceFactor()
    {
        var kw = new KWinners(units: 4, percentOn: 0.5, boostStrength: 0, kInferenceFactor: 1.5, dutyCyclePeriod: 1000);
        float[] x = [4, 3, 2, 1];

        kw.Forward(x, batch: 1, training: false);

        Assert.AreEqual(3, kw.InferenceK);
        CollectionAssert.AreEqual(new[] { 4f, 3f, 2f, 0f }, x);
    }

    [TestMethod]
    public void Backward_PassesGradientOnlyToWinners()
    {
        var kw = new KWinners(units: 3, percentOn: 0.34, boostStrength: 0, kInferenceFactor: 1, dutyCyclePeriod: 10);
        float[] x = [1, 5, 2];
        kw.Forward(x, batch: 1, training: true);
        float[] dy = [7, 8, 9];

        kw.Backward(dy, batch: 1);

        CollectionAssert.AreEqual(new[] { 0f, 8f, 0f }, dy);
    }
}
