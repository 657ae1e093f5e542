using Microsoft.ML.Data;
using Microsoft.ML.Datasets;

namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class ContinualVerbTests
{
    private const int TestImages = 1000;

    private static readonly string[] SmallRun =
    [
        "continual", "--data", SharedPaths.Mnist, "--approaches", "SleepReplay,Sequential,Parallel", "--per-task", "60",
        "--validation-per-task", "10", "--hidden", "24,24", "--sleep-iterations", "20", "--sleep-iterations-increase", "0",
        "--test", TestImages.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    [TestMethod]
    public void Continual_SmallProtocol_WritesAccuracyByTaskMatricesAndStableRanks()
    {
        using var run = CliRun.Start(SmallRun);

        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual("completed", run.Metrics.GetProperty("status").GetString());
        Assert.IsFalse(run.Metrics.TryGetProperty("notRun", out _), "a complete run has no approaches left over");
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
        Assert.IsFalse(run.Report.Contains("Approaches not run", StringComparison.Ordinal));

        // SRC and its sequential baseline are saved as models; the other approaches are not.
        foreach (string name in new[] { "SleepReplay", "Sequential" })
        {
            Assert.AreEqual($"model-{name}.zip", trainers[name].GetProperty("modelFile").GetString(), name);
            Assert.AreEqual(new FileInfo(run.File($"model-{name}.zip")).Length, trainers[name].GetProperty("modelBytes").GetInt64(), name);
            AssertModelScoresLikeTheProtocol(run, name);
        }
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, trainers["Parallel"].GetProperty("modelFile").ValueKind);
        Assert.IsFalse(File.Exists(run.File("model-Parallel.zip")));
    }

    [TestMethod]
    public void Continual_CancelledAfterTheFirstApproach_KeepsItsResultsReportAndModel()
    {
        // The verb logs this line from the protocol's approach sink, before the next approach starts: the cancel lands at the
        // same point of every run.
        using var run = CliRun.Start(SmallRun, cancelWhen: "SleepReplay: finished (1/3)");

        Assert.AreEqual(130, run.ExitCode, run.Error);
        Assert.AreEqual("cancelled", run.Metrics.GetProperty("status").GetString());
        CollectionAssert.AreEqual(new[] { "SleepReplay" }, run.Trainers.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "Sequential", "Parallel" },
            run.Metrics.GetProperty("notRun").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual("SleepReplay", run.Metrics.GetProperty("best").GetString());
        Assert.AreEqual(5, run.History.GetProperty("SleepReplay").GetArrayLength());
        Assert.IsFalse(run.History.TryGetProperty("Sequential", out _));

        StringAssert.Contains(run.Report, "Cancelled run");
        StringAssert.Contains(run.Report, "Approaches not run");
        StringAssert.Contains(run.Report, "Sequential, Parallel");
        StringAssert.Contains(run.Report, "<figcaption>SleepReplay: accuracy by task</figcaption>");
        Assert.IsFalse(run.Report.Contains("<figcaption>Sequential: accuracy by task</figcaption>", StringComparison.Ordinal));
        Assert.AreEqual(1, run.Charts("heatmap"));
        StringAssert.Contains(run.Report, "Sleeps");

        AssertModelScoresLikeTheProtocol(run, "SleepReplay");
        Assert.IsFalse(File.Exists(run.File("model-Sequential.zip")));
        string log = File.ReadAllText(run.File("log.txt"));
        StringAssert.Contains(log, "not run: Sequential, Parallel");
        StringAssert.Contains(log, "status: cancelled");
    }

    /// <summary>Loads <c>model-&lt;approach&gt;.zip</c> with ml.Model.Load, scores the run's MNIST test images with it and checks
    /// the accuracy overall and on each task against what the protocol reported for the approach (every test image belongs to
    /// a task). The per-task figures tell SRC's network from the sequential one even where their overall accuracies are close.</summary>
    private static void AssertModelScoresLikeTheProtocol(CliRun run, string approach)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(run.File($"model-{approach}.zip"), out var inputSchema);
        Assert.AreEqual(784, (inputSchema["Features"].Type as VectorDataViewType)?.Size, approach);
        var images = ml.Data.TakeRows(ml.Data.LoadMnist(MnistSplit.Test, SharedPaths.Mnist), TestImages);
        var scored = ml.Data.CreateEnumerable<ScoredImage>(model.Transform(images), reuseRowObject: false).ToList();
        Assert.AreEqual(TestImages, scored.Count, approach);
        foreach (var image in scored)
            Assert.IsTrue(image.Score.Length == 10 && image.Score.All(float.IsFinite), $"{approach}: scores [{string.Join(", ", image.Score)}]");

        var reported = run.Trainers[approach].GetProperty("metrics");
        // Keys are 1 + the digit (the model maps the labels 0–9 by value). The pipeline scores in batches of 256 rows and the
        // protocol in chunks of 500; a matrix product blocked differently may round a near-tie the other way, so allow two
        // images of a group to differ.
        void Check(string metric, Func<int, bool> digits)
        {
            var group = scored.Where(i => digits((int)i.Label - 1)).ToList();
            double accuracy = (double)group.Count(i => i.PredictedLabel == i.Label) / group.Count;
            Assert.AreEqual(reported.GetProperty(metric).GetDouble(), accuracy, 2.0 / group.Count, $"{approach}: {metric}");
        }
        Check("overall accuracy", _ => true);
        for (int first = 0; first < 10; first += 2)
            Check($"task {first}{first + 1}", digit => digit / 2 == first / 2);
    }

    private sealed class ScoredImage
    {
        public uint Label { get; set; }

        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }
}
