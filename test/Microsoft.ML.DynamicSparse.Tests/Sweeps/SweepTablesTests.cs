using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class SweepTablesTests
{
    private static TrialResult Trial(string tau, string zeta, int seed, params double[] validation) =>
        new(new Dictionary<string, string> { ["Tau"] = tau, ["Zeta"] = zeta }, seed,
            validation.Select((v, i) => new EpochRecord(i + 1, 0.1, 1, 0.5 + i * 0.1, v, null, [])).ToArray());

    [TestMethod]
    public void TrialSummary_GivesMaxMinMedianLastAndTheFirstEpochOfTheMax()
    {
        var summary = TrialSummary.Of(Trial("0", "0", 1, 0.5, 0.9, 0.7, 0.9), SweepMetric.ValidationAccuracy);

        Assert.AreEqual((0.9, 0.5, 0.8, 0.9, 2), (summary.Max, summary.Min, summary.Median, summary.Last, summary.EpochOfMax));
    }

    [TestMethod]
    public void TrialSummary_OfTrainAccuracy_ReadsTheTrainingColumn()
    {
        var summary = TrialSummary.Of(Trial("0", "0", 1, 0.1, 0.1, 0.1), SweepMetric.TrainAccuracy);

        Assert.AreEqual(0.7, summary.Max, 1e-12);
        Assert.AreEqual(3, summary.EpochOfMax);
    }

    [TestMethod]
    public void Pivot_ShowsMeanAndSampleStdPerPairOfOptionValues()
    {
        var summaries = SweepTables.Summarize(
        [
            Trial("0", "0", 1, 0.9), Trial("0", "0", 2, 1.0),
            Trial("0", "0.2", 1, 0.8), Trial("0", "0.2", 2, 0.8),
            Trial("0.2", "0", 1, 0.6), Trial("0.2", "0", 2, 0.7),
        ], SweepMetric.ValidationAccuracy);

        string pivot = SweepTables.Pivot(summaries, s => s.Max, "Tau", "Zeta");

        string[] lines = pivot.TrimEnd().Split(Environment.NewLine);
        Assert.AreEqual("Tau \\ Zeta  0              0.2", lines[0]);
        Assert.AreEqual("0           0.950 ± 0.071  0.800 ± 0.000", lines[1]);
        Assert.AreEqual("0.2         0.650 ± 0.071", lines[2]);
    }

    [TestMethod]
    public void Group_OverAnOptionTheSweepDidNotVary_ThrowsNamingIt()
    {
        var summaries = SweepTables.Summarize([Trial("0", "0", 1, 0.9)], SweepMetric.ValidationAccuracy);

        var error = Assert.ThrowsExactly<ArgumentException>(() => SweepTables.Group(summaries, s => s.Max, "HebbianGrow"));

        StringAssert.Contains(error.Message, "'HebbianGrow'");
    }
}
