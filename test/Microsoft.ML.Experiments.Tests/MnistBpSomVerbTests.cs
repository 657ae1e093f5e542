namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class MnistBpSomVerbTests
{
    private static readonly string[] SmallRun = SmallRunOf(epochs: 3);

    private static string[] SmallRunOf(int epochs) =>
    [
        "mnist-bpsom", "--data", SharedPaths.Mnist, "--train", "300", "--validation", "100", "--test", "200",
        "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hidden-sizes", "12", "--som-grid-size", "4",
    ];

    [TestMethod]
    public void MnistBpSom_BothModes_WritesModelsMetricsHistoryAndReport()
    {
        using var run = CliRun.Start(SmallRun);

        Assert.AreEqual(0, run.ExitCode, run.Error);
        foreach (string file in new[] { "model-bpsom.zip", "model-baseline.zip", "metrics.json", "history.json", "log.txt", "report.html" })
            Assert.IsTrue(File.Exists(run.File(file)), file);
        Assert.AreEqual("completed", run.Metrics.GetProperty("status").GetString());
        Assert.AreEqual("accuracy", run.Metrics.GetProperty("primaryMetric").GetString());
        var trainers = run.Trainers;
        CollectionAssert.AreEquivalent(new[] { "bpsom", "baseline" }, trainers.Keys.ToArray());
        foreach (var (name, trainer) in trainers)
        {
            // Accuracy must be the confusion table's diagonal over its total (200 test images).
            var counts = trainer.GetProperty("confusion").GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetDouble()).ToArray()).ToArray();
            Assert.AreEqual(10, counts.Length, name);
            Assert.AreEqual(200, counts.Sum(r => r.Sum()), name);
            double diagonal = Enumerable.Range(0, 10).Sum(i => counts[i][i]);
            Assert.AreEqual(diagonal / 200, trainer.GetProperty("metrics").GetProperty("accuracy").GetDouble(), 1e-9, name);
            Assert.AreEqual(new FileInfo(run.File($"model-{name}.zip")).Length, trainer.GetProperty("modelBytes").GetInt64(), name);
            Assert.AreEqual(3, run.History.GetProperty(name).GetArrayLength(), $"{name}: one history entry per epoch");
        }
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, run.History.GetProperty("bpsom").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()).ToArray());
        Assert.IsGreaterThanOrEqualTo(4, run.Charts("line"), "training curves");
        // The verb labels every epoch (TestRatio 1): one class-label map and one U-matrix per trainer and epoch.
        Assert.AreEqual(6, run.Charts("som"), "one class-label map per trainer and labelled epoch");
        Assert.AreEqual(6, run.Charts("umatrix"), "one U-matrix per trainer and labelled epoch");
        Assert.AreEqual(2, run.Charts("heatmap"), "one confusion table per trainer");
        Assert.AreEqual(1, run.Charts("bar"), "the side-by-side comparison");
        StringAssert.Contains(run.Output, "★");
        StringAssert.Contains(run.Output, $"Outputs in {run.Folder}");
        StringAssert.Contains(File.ReadAllText(run.File("log.txt")), "status: completed");
    }

    [TestMethod]
    public void MnistBpSom_Report_DrawsTheSomsOfTheLabelledEpochsOnly()
    {
        // Four epochs, labelled every second one.
        using var run = CliRun.Start([.. SmallRunOf(epochs: 4), "--test-ratio", "2"]);

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual(4, run.History.GetProperty("bpsom").GetArrayLength());
        Assert.AreEqual(4, run.Charts("som"), "epochs 2 and 4 of both trainers");
        Assert.AreEqual(4, run.Charts("umatrix"));
        string report = run.Report;
        foreach (string trainer in new[] { "bpsom", "baseline" })
        {
            Assert.AreEqual(2, CliRun.CountOf(report, $"aria-label=\"{trainer}, epoch 2"), $"{trainer}: epoch 2's map and U-matrix");
            Assert.AreEqual(2, CliRun.CountOf(report, $"aria-label=\"{trainer}, epoch 4"), $"{trainer}: epoch 4's map and U-matrix");
            Assert.AreEqual(0, CliRun.CountOf(report, $"aria-label=\"{trainer}, epoch 1"), $"{trainer}: epoch 1 is not labelled");
            Assert.AreEqual(0, CliRun.CountOf(report, $"aria-label=\"{trainer}, epoch 3"), $"{trainer}: epoch 3 is not labelled");
        }
        StringAssert.Contains(report, "(kept): class labels");
    }

    [TestMethod]
    public void MnistBpSom_CancelledAfterTheFirstTrainer_KeepsItAndMarksTheRunCancelled()
    {
        using var run = CliRun.Start(SmallRun, cancelWhen: "bpsom: test accuracy");

        Assert.AreEqual(130, run.ExitCode, run.Error);
        Assert.AreEqual("cancelled", run.Metrics.GetProperty("status").GetString());
        CollectionAssert.AreEqual(new[] { "bpsom" }, run.Trainers.Keys.ToArray());
        Assert.IsTrue(File.Exists(run.File("model-bpsom.zip")));
        Assert.IsFalse(File.Exists(run.File("model-baseline.zip")));
        StringAssert.Contains(run.Report, "Cancelled run");
        StringAssert.Contains(File.ReadAllText(run.File("log.txt")), "status: cancelled");
        StringAssert.Contains(run.Output, "mnist-bpsom cancelled");
    }
}
