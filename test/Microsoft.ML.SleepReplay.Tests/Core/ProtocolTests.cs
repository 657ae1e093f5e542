using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class ProtocolTests
{
    // Four classes on 16 "pixels": class c lights up pixels 4c..4c+3.
    private static LabeledSet Synthetic(int count, int seed)
    {
        var rng = new Random(seed);
        var labels = Enumerable.Range(0, count).Select(i => i % 4).ToArray();
        var x = new float[count * 16];
        for (int i = 0; i < count; i++)
            for (int k = 0; k < 16; k++) x[i * 16 + k] = (k / 4 == labels[i] ? 0.8f : 0f) + (float)rng.NextDouble() * 0.2f;
        return new LabeledSet(x, labels, 16);
    }

    private static ContinualLearningOptions Options() => new()
    {
        Tasks = [[0, 1], [2, 3]],
        TrainPerTask = 40,
        ValidationPerTask = 10,
        Training = new MlpTrainingOptions { HiddenLayers = [12, 12], Epochs = 2, BatchSize = 10, LearningRate = 0.05f },
        Sleep = new SleepOptions { Iterations = 30, PatchSize = 1, Beta = [1, 1, 1], Seed = 3 },
        SleepIterationsIncreasePerTask = 10,
        LowRank = 2,
    };

    [TestMethod]
    public void Run_ReportsEveryApproachWithOneRowPerTaskForSequentialOnes()
    {
        var report = new ContinualLearningProtocol(Options()).Run(Synthetic(120, 1), Synthetic(40, 2));
        Assert.AreEqual(Enum.GetValues<ContinualApproach>().Length, report.Approaches.Count);
        foreach (var a in report.Approaches)
        {
            bool perTask = a.Approach is ContinualApproach.SleepReplay or ContinualApproach.Sequential or ContinualApproach.SequentialMasked
                or ContinualApproach.SequentialLossMasked;
            Assert.AreEqual(perTask ? 2 : 1, a.Rows.Count, a.Approach.ToString());
            Assert.AreEqual(3, a.StableRanks[0].Count);
            Assert.IsTrue(a.Final.Overall is >= 0 and <= 1);
        }
        Assert.AreEqual(2, report.Sleeps.Count);
        Assert.AreEqual(40, report.Sleeps[1].Result.Iterations);
        StringAssert.Contains(report.FormatFinalTable(), "SleepReplay");
    }

    [TestMethod]
    public void Run_WithTheSameSeed_IsDeterministic()
    {
        var options = Options();
        options.Approaches = [ContinualApproach.SleepReplay];
        var a = new ContinualLearningProtocol(options).Run(Synthetic(120, 1), Synthetic(40, 2));
        var b = new ContinualLearningProtocol(options).Run(Synthetic(120, 1), Synthetic(40, 2));
        CollectionAssert.AreEqual(a.Approaches[0].Final.PerTask.ToArray(), b.Approaches[0].Final.PerTask.ToArray());
        CollectionAssert.AreEqual(a.Sleeps[1].Result.SpikesPerLayer.ToArray(), b.Sleeps[1].Result.SpikesPerLayer.ToArray());
    }

    [TestMethod]
    public void Run_SleepingOnClassMeans_ReplaysOneClassMeanPerStepWhateverTheSampleCount()
    {
        SleepReplayResult Run(SleepDataForm form, int samplesPerStep)
        {
            var options = Options();
            options.Approaches = [ContinualApproach.SleepReplay];
            options.SleepData = SleepDataScope.TasksSoFar;
            options.SleepDataForm = form;
            options.Sleep.InputMode = SleepInputMode.MaskedSampleMean;
            options.Sleep.SamplesPerStep = samplesPerStep;
            var report = new ContinualLearningProtocol(options).Run(Synthetic(120, 1), Synthetic(40, 2));
            return new(report.Approaches[0].Final.PerTask.ToArray(), report.Sleeps.SelectMany(s => s.Result.SpikesPerLayer).ToArray(),
                report.Sleeps.Select(s => s.Result.InputSpikes).ToArray());
        }

        var one = Run(SleepDataForm.ClassMeans, 1);
        var ten = Run(SleepDataForm.ClassMeans, 10);
        Assert.IsTrue(one.Spikes.All(n => n > 0), $"every layer must spike for the comparison to mean anything: {string.Join(", ", one.Spikes)}");
        // With class means each step takes one mean whatever the setting says, so the runs draw the same numbers.
        CollectionAssert.AreEqual(one.PerTask, ten.PerTask);
        CollectionAssert.AreEqual(one.Spikes, ten.Spikes);
        CollectionAssert.AreEqual(one.InputSpikes, ten.InputSpikes);
        // Sleeping on the rows themselves draws from 40 and then 80 rows, not 2 and then 4 means.
        CollectionAssert.AreNotEqual(one.InputSpikes, Run(SleepDataForm.Rows, 1).InputSpikes);
    }

    [TestMethod]
    public void Run_WithSleepCheckpoints_ScoresEachPartOfTheSleepAndKeepsTheBest()
    {
        var options = Options();
        options.Approaches = [ContinualApproach.SleepReplay];
        options.SleepCheckpoints = 3;
        var log = new List<string>();
        var report = new ContinualLearningProtocol(options, new ListProgress<string>(log)).Run(Synthetic(120, 1), Synthetic(40, 2));

        // Sleeps of 30 and then 40 steps, each scored after a third, two thirds and all of its steps.
        int[][] parts = [[10, 20, 30], [13, 26, 40]];
        for (int t = 0; t < 2; t++)
        {
            var scored = log.Where(line => line.StartsWith($"  sleep candidate 0 after task {t + 1},", StringComparison.Ordinal)).ToList();
            CollectionAssert.AreEqual(parts[t].Select(k => $"{k} steps").ToArray(), scored.Select(line => line.Split(", ")[1].Split(':')[0]).ToArray());
            var record = report.Sleeps[t];
            CollectionAssert.Contains(parts[t], record.Result.Iterations);
            // The kept sleep is the first of the best-scoring parts, and the network left is the one it scored.
            var scores = scored.Select(Score).ToList();
            int kept = Array.IndexOf(parts[t], record.Result.Iterations);
            Assert.AreEqual(scores.Max(), scores[kept], string.Join("\n", scored));
            Assert.IsTrue(scores.Take(kept).All(s => s < scores[kept]), string.Join("\n", scored));
            Assert.AreEqual(scores[kept], Math.Round(record.ValidationAfter * 100, 2), 1e-9);
        }
    }

    /// <summary>The validation accuracy, in percent, that a "sleep candidate … validation 92.95 %" log line reports.</summary>
    private static double Score(string line) =>
        double.Parse(line[(line.IndexOf("validation ", StringComparison.Ordinal) + "validation ".Length)..].Replace("%", "").Trim(),
            System.Globalization.CultureInfo.CurrentCulture);

    private sealed record SleepReplayResult(double[] PerTask, long[] Spikes, long[] InputSpikes);

    [TestMethod]
    public void Run_WithAnApproachSink_HandsOverEachResultAsItFinishesAndTheNetworkItWasScoredWith()
    {
        var options = Options();
        var (train, test) = (Synthetic(120, 1), Synthetic(40, 2));
        var handed = new List<ApproachResult>();
        var log = new List<string>();
        var lastLineAtHandover = new List<string>();
        var report = new ContinualLearningProtocol(options, new ListProgress<string>(log))
            .Run(train, test, new ListProgress<ApproachResult>(handed, _ => lastLineAtHandover.Add(log[^1])));

        CollectionAssert.AreEqual(report.Approaches.ToArray(), handed.ToArray());
        CollectionAssert.AreEqual(options.Approaches, handed.Select(a => a.Approach).ToArray());
        // Each result is handed over right after its own summary line, before the next approach logs anything.
        for (int i = 0; i < handed.Count; i++)
            StringAssert.StartsWith(lastLineAtHandover[i], $"{handed[i].Approach}: per task [");

        // The test rows as the protocol scores them (tasks in order), to rescore each returned network the same way.
        var scored = LabeledSet.Concat(TaskData.Build(train, test, options.Tasks, options.TrainPerTask, options.ValidationPerTask).Select(t => t.Test).ToList());
        foreach (var a in handed)
        {
            var network = a.Model.GetNetwork();
            CollectionAssert.AreEqual(new[] { 16, 12, 12, 4 }, network.LayerSizes.ToArray(), a.Approach.ToString());
            // The masked baseline's score masking is part of its evaluation, not of its network.
            if (a.Approach != ContinualApproach.SequentialMasked)
                Assert.AreEqual(a.Final.Overall, Evaluation.Accuracy(network, scored), a.Approach.ToString());
            for (int l = 0; l < network.LayerCount; l++)
                Assert.AreEqual(a.StableRanks[^1][l], MatrixAnalysis.StableRank(network.Weights[l], network.OutputsOf(l), network.InputsOf(l)), $"{a.Approach} layer {l}");
            Assert.AreEqual(a.Approach == ContinualApproach.SleepReplay ? 2 : 0, a.Sleeps.Count, a.Approach.ToString());
        }
        CollectionAssert.AreEqual(report.Sleeps.ToArray(), handed.Single(a => a.Approach == ContinualApproach.SleepReplay).Sleeps.ToArray());
    }

    [TestMethod]
    public void Run_CancelledFromTheSinkAfterTheFirstApproach_StopsBeforeTheNextOneStarts()
    {
        var options = Options();
        options.Approaches = [ContinualApproach.Sequential, ContinualApproach.SleepReplay, ContinualApproach.Parallel];
        using var cancel = new CancellationTokenSource();
        var handed = new List<ApproachResult>();
        var log = new List<string>();
        var sink = new ListProgress<ApproachResult>(handed, _ => cancel.Cancel());

        Assert.ThrowsExactly<OperationCanceledException>(() =>
            new ContinualLearningProtocol(options, new ListProgress<string>(log)).Run(Synthetic(120, 1), Synthetic(40, 2), sink, cancel.Token));

        Assert.AreEqual(ContinualApproach.Sequential, handed.Single().Approach);
        Assert.AreEqual(2, handed[0].Rows.Count);
        Assert.IsFalse(log.Any(line => line.StartsWith("SleepReplay", StringComparison.Ordinal)), string.Join("\n", log));
    }

    [TestMethod]
    public void Options_ListingAnApproachTwice_AreRejected()
    {
        var options = Options();
        options.Approaches = [ContinualApproach.Sequential, ContinualApproach.Parallel, ContinualApproach.Sequential];
        var ex = Assert.ThrowsExactly<ArgumentException>(() => new ContinualLearningProtocol(options));
        StringAssert.Contains(ex.Message, "Sequential is listed more than once");
    }

    [TestMethod]
    public void Options_WithNoApproach_AreRejected()
    {
        var options = Options();
        options.Approaches = [];
        var ex = Assert.ThrowsExactly<ArgumentException>(() => new ContinualLearningProtocol(options));
        StringAssert.Contains(ex.Message, "at least one approach");
    }

    [TestMethod]
    public void Options_WithABadSleepCandidate_AreRejectedBeforeAnyTraining_OnlyWhenSleepReplayRuns()
    {
        var options = Options();
        var bad = options.Sleep.Clone();
        bad.MaskFraction = 1.5;
        options.SleepCandidates = [options.Sleep, bad];
        var ex = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ContinualLearningProtocol(options));
        StringAssert.Contains(ex.Message, "MaskFraction is 1.5");

        // Approaches that never sleep do not read the sleep settings.
        options.Approaches = [ContinualApproach.Sequential];
        _ = new ContinualLearningProtocol(options);
    }

    /// <summary>Collects reports synchronously, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class ListProgress<T>(List<T> items, Action<T>? then = null) : IProgress<T>
    {
        public void Report(T value)
        {
            items.Add(value);
            then?.Invoke(value);
        }
    }

    [TestMethod]
    public void Options_WithAClassInTwoTasks_AreRejected()
    {
        var options = Options();
        options.Tasks = [[0, 1], [1, 2]];
        var ex = Assert.ThrowsExactly<ArgumentException>(() => new ContinualLearningProtocol(options));
        StringAssert.Contains(ex.Message, "more than one task");
    }
}
