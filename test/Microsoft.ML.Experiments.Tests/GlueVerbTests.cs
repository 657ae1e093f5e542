namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class GlueVerbTests
{
    // A random BERT-Tiny over the real uncased vocabulary on a few hundred real rows: seconds per epoch.
    private static string[] SmallRun(string task, string mode, int epochs) =>
    [
        "glue", "--task", task, "--mode", mode, "--data", SharedPaths.Data(), "--vocabulary", SharedPaths.Models("bert-base-uncased-vocab", "vocab.txt"),
        "--max-train", "160", "--max-dev", "80", "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--max-sequence-length", "24", "--hidden-size", "12", "--som-grid-size", "4",
    ];

    [TestMethod]
    public void Glue_Sst2BothModes_WritesBothModelsTheTaskMetricsAndSomMaps()
    {
        using var run = CliRun.Start(SmallRun("sst2", "both", epochs: 2));

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual("accuracy", run.Metrics.GetProperty("primaryMetric").GetString());
        var trainers = run.Trainers;
        CollectionAssert.AreEqual(new[] { "bpsom", "baseline" }, trainers.Keys.ToArray());
        foreach (var (name, trainer) in trainers)
        {
            var metrics = trainer.GetProperty("metrics");
            foreach (string metric in new[] { "accuracy", "macro accuracy", "F1", "MCC", "log loss" })
                Assert.IsTrue(metrics.TryGetProperty(metric, out _), $"{name} lacks {metric}");
            var counts = trainer.GetProperty("confusion").GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetDouble()).ToArray()).ToArray();
            Assert.AreEqual(80, counts.Sum(r => r.Sum()), $"{name}: the 80 dev rows");
            Assert.AreEqual((counts[0][0] + counts[1][1]) / 80, metrics.GetProperty("accuracy").GetDouble(), 1e-9, name);
            Assert.IsTrue(File.Exists(run.File($"model-{name}.zip")), name);
            var history = run.History.GetProperty(name).EnumerateArray().ToArray();
            Assert.AreEqual(2, history.Length, $"{name}: one entry per epoch");
            Assert.IsTrue(history.All(e => e.GetProperty("validationAccuracy").ValueKind == System.Text.Json.JsonValueKind.Number), name);
        }
        CollectionAssert.AreEqual(new[] { "0", "1" }, trainers["bpsom"].GetProperty("confusion").GetProperty("classes").EnumerateArray().Select(c => c.GetString()).ToArray());
        // The text classifier labels its SOM after every epoch: one map and one U-matrix per trainer and epoch.
        Assert.AreEqual(4, run.Charts("som"));
        Assert.AreEqual(4, run.Charts("umatrix"));
        foreach (string trainer in new[] { "bpsom", "baseline" })
            foreach (int epoch in new[] { 1, 2 })
                StringAssert.Contains(run.Report, $"{trainer}, epoch {epoch}");
        StringAssert.Contains(run.Report, "Validation accuracy");
        StringAssert.Contains(run.Output, "log loss");
    }

    [TestMethod]
    public void Glue_Mrpc_IsRankedByF1()
    {
        using var run = CliRun.Start(SmallRun("mrpc", "bpsom", epochs: 1));

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual("F1", run.Metrics.GetProperty("primaryMetric").GetString());
        CollectionAssert.AreEqual(new[] { "bpsom" }, run.Trainers.Keys.ToArray());
        StringAssert.Contains(File.ReadAllText(run.File("log.txt")), "--task mrpc");
    }
}
