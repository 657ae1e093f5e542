namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class ContinualVerbTests
{
    [TestMethod]
    public void Continual_SmallProtocol_WritesAccuracyByTaskMatricesAndStableRanks()
    {
        using var run = CliRun.Start(
        [
            "continual", "--data", SharedPaths.Mnist, "--approaches", "SleepReplay,Sequential,Parallel", "--per-task", "60",
            "--validation-per-task", "10", "--hidden", "24,24", "--sleep-iterations", "20", "--sleep-iterations-increase", "0", "--test", "1000",
        ]);

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual("overall accuracy", run.Metrics.GetProperty("primaryMetric").GetString());
        var trainers = run.Trainers;
        CollectionAssert.AreEqual(new[] { "SleepReplay", "Sequential", "Parallel" }, trainers.Keys.ToArray());
        foreach (var (name, trainer) in trainers)
        {
            var metrics = trainer.GetProperty("metrics");
            double overall = metrics.GetProperty("overall accuracy").GetDouble();
            Assert.IsTrue(overall is >= 0 and <= 1, $"{name}: {overall}");
            foreach (string task in new[] { "task 01", "task 23", "task 45", "task 67", "task 89" })
                Assert.IsTrue(metrics.TryGetProperty(task, out _), $"{name} lacks {task}");
        }
        // Sequential approaches are scored after each of the 5 tasks, joint training once at the end.
        Assert.AreEqual(5, run.History.GetProperty("SleepReplay").GetArrayLength());
        Assert.AreEqual(5, run.History.GetProperty("Sequential").GetArrayLength());
        Assert.AreEqual(1, run.History.GetProperty("Parallel").GetArrayLength());
        Assert.AreEqual(2, run.Charts("heatmap"), "a matrix per approach scored after each task");
        StringAssert.Contains(run.Report, "<figcaption>SleepReplay: accuracy by task</figcaption>");
        StringAssert.Contains(run.Report, "<figcaption>Sequential: accuracy by task</figcaption>");
        StringAssert.Contains(run.Report, "Stable rank per layer at the end");
        StringAssert.Contains(run.Report, "SleepReplay: stable rank after each task");
        StringAssert.Contains(run.Report, "Sleeps");
        Assert.IsFalse(File.Exists(run.File("model-SleepReplay.zip")), "the protocol keeps no networks to save");
    }
}
