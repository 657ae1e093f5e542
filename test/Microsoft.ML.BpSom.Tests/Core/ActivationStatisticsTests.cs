namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class ActivationStatisticsTests
{
    [TestMethod]
    public void FinishSpread_GivesThePopulationStandardDeviationAroundTheMean()
    {
        var statistics = new ActivationStatistics(1);
        statistics.AddToMean([1f]);
        statistics.AddToMean([3f]);
        statistics.FinishMean(2);
        statistics.AddToSpread([1f]);
        statistics.AddToSpread([3f]);
        statistics.FinishSpread(2);
        Assert.AreEqual(2f, statistics.Mean[0]);
        Assert.AreEqual(1f, statistics.StandardDeviation[0]);
    }

    [TestMethod]
    public void FinishMean_WithoutReset_CarriesThePreviousMeanLikeTheReference()
    {
        var statistics = new ActivationStatistics(1);
        statistics.AddToMean([1f]);
        statistics.AddToMean([1f]);
        statistics.FinishMean(2);
        statistics.AddToMean([0f]);
        statistics.AddToMean([0f]);
        statistics.FinishMean(2);
        Assert.AreEqual(0.5f, statistics.Mean[0]);   // (1 + 0 + 0) / 2: the quirk parity mode keeps

        statistics.ResetMean();
        statistics.AddToMean([0f]);
        statistics.AddToMean([0f]);
        statistics.FinishMean(2);
        Assert.AreEqual(0f, statistics.Mean[0]);
    }
}
