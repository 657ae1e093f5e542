namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class SparseVerbTests
{
    [TestMethod]
    public void Sparse_TwoByTwoGrid_WritesOnePointPerCombinationWithPivotHeatmapAndTrials()
    {
        using var run = CliRun.Start(
        [
            "sparse", "--data", SharedPaths.Mnist, "--train", "600", "--test", "300", "--epochs", "2", "--hidden", "32,32",
            "--hebbian-prune", "0,0.2", "--weight-prune", "0,0.3", "--hebbian-grow", "true", "--seeds", "1,2", "--parallel", "2",
        ]);

        Assert.AreEqual(0, run.ExitCode, run.Error);
        var trainers = run.Trainers;
        CollectionAssert.AreEquivalent(
            new[] { "hebbian=0 weight=0 grow=True", "hebbian=0 weight=0.3 grow=True", "hebbian=0.2 weight=0 grow=True", "hebbian=0.2 weight=0.3 grow=True" },
            trainers.Keys.ToArray());
        Assert.AreEqual(8, Directory.GetFiles(run.File("trials")).Length, "4 grid points × 2 seeds, each trial persisted");
        foreach (var (name, _) in trainers)
        {
            var epochs = run.History.GetProperty(name).EnumerateArray().ToArray();
            Assert.AreEqual(2, epochs.Length, $"{name}: one entry per epoch");
            Assert.AreEqual(2, epochs[0].GetProperty("seeds").GetInt32());
        }
        // The best grid point is the one with the highest mean (over seeds) of the best validation accuracy.
        string best = run.Metrics.GetProperty("best").GetString()!;
        double bestValue = trainers[best].GetProperty("metrics").GetProperty("max validation accuracy").GetDouble();
        Assert.AreEqual(trainers.Values.Max(t => t.GetProperty("metrics").GetProperty("max validation accuracy").GetDouble()), bestValue);
        Assert.AreEqual(1, run.Charts("heatmap"), "one pivot heatmap per growth mode");
        StringAssert.Contains(run.Report, "HebbianPrunePercent \\ WeightPrunePercent");
        Assert.AreEqual(3, run.Charts("line"), "validation, loss and density curves");
    }

    [TestMethod]
    public void Sparse_CancelledAfterTheFirstTrial_KeepsTheFinishedTrialOnly()
    {
        using var run = CliRun.Start(
        [
            "sparse", "--data", SharedPaths.Mnist, "--train", "300", "--test", "100", "--epochs", "1", "--hidden", "16,16",
            "--hebbian-prune", "0,0.2", "--weight-prune", "0", "--hebbian-grow", "true", "--parallel", "1",
        ], cancelWhen: "trial 1/2 done");

        Assert.AreEqual(130, run.ExitCode, run.Error);
        Assert.AreEqual("cancelled", run.Metrics.GetProperty("status").GetString());
        Assert.HasCount(1, run.Trainers);
        Assert.AreEqual(1, run.History.GetProperty(run.Trainers.Keys.Single()).GetArrayLength());
        StringAssert.Contains(run.Report, "Cancelled run");
    }
}
