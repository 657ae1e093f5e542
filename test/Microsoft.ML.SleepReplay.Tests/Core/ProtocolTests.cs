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
    public void Options_WithAClassInTwoTasks_AreRejected()
    {
        var options = Options();
        options.Tasks = [[0, 1], [1, 2]];
        var ex = Assert.ThrowsExactly<ArgumentException>(() => new ContinualLearningProtocol(options));
        StringAssert.Contains(ex.Message, "more than one task");
    }
}
