using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class DynamicSparseTrainingTests
{
    [TestMethod]
    public void Run_WithRandomRegrowth_HoldsEveryLayersConnectionCountAcrossEpochs()
    {
        var options = Blobs.SmallOptions(epochs: 5);

        var result = DynamicSparseTraining.Run(Blobs.Arrays(90, 1), null, options, seed: 3);

        int[] expected = [96, 128, 24]; // ⌊0.5·12·16⌋, ⌊0.5·16·16⌋, ⌊0.5·16·3⌋
        foreach (var epoch in result.History)
            CollectionAssert.AreEqual(expected, epoch.Layers.Select(l => l.Connections).ToArray(), $"epoch {epoch.Epoch}");
        // Regrowth refills to the count, so it also replaces connections whose weight sat at exactly 0 (not active).
        Assert.IsTrue(result.History.All(e => e.Layers.All(l => l.Regrown >= l.Pruned)), "regrowth refills what was pruned");
        Assert.IsTrue(result.History.Sum(e => e.Layers.Sum(l => l.Pruned)) > 0, "something was pruned");
        Assert.AreEqual(0.5, result.History[^1].Layers[1].Density);
    }

    [TestMethod]
    public void Run_WithoutPruning_NeitherPrunesNorRegrows()
    {
        var options = Blobs.SmallOptions(epochs: 2);
        options.WeightPrunePercent = null;
        options.HebbianPrunePercent = 0;

        var result = DynamicSparseTraining.Run(Blobs.Arrays(60, 1), null, options, seed: 3);

        Assert.IsTrue(result.History.All(e => e.Layers.All(l => l.Pruned == 0 && l.Regrown == 0)));
    }

    [TestMethod]
    public void Run_LearnsSeparableClassesAndRecordsValidationAccuracy()
    {
        var result = DynamicSparseTraining.Run(Blobs.Arrays(150, 1), Blobs.Arrays(60, 2), Blobs.SmallOptions(epochs: 6), seed: 3);

        Assert.AreEqual(6, result.History.Count);
        Assert.IsTrue(result.History[^1].ValidationAccuracy > 0.9, $"validation accuracy {result.History[^1].ValidationAccuracy}");
        Assert.IsTrue(result.History[^1].TrainAccuracy > result.History[0].TrainAccuracy - 1e-9);
    }

    [TestMethod]
    public void Run_WithTheSameSeed_RepeatsExactly()
    {
        var data = Blobs.Arrays(60, 1);
        var first = DynamicSparseTraining.Run(data, null, Blobs.SmallOptions(epochs: 2), seed: 9);
        var second = DynamicSparseTraining.Run(data, null, Blobs.SmallOptions(epochs: 2), seed: 9);

        for (int l = 0; l < first.Network.LayerCount; l++)
            CollectionAssert.AreEqual(first.Network.GetWeights(l), second.Network.GetWeights(l), $"layer {l}");
        Assert.AreEqual(first.History[^1].TrainLoss, second.History[^1].TrainLoss);
    }

    [TestMethod]
    public void Run_WhenCancelled_StopsWithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(cancel);

        Assert.ThrowsExactly<OperationCanceledException>(() =>
            DynamicSparseTraining.Run(Blobs.Arrays(60, 1), null, Blobs.SmallOptions(epochs: 5), 3, progress, cancel.Token));
        Assert.AreEqual(1, progress.Epochs);
    }

    [TestMethod]
    public void LearningRateAt_DropsByGammaAfterEachMilestone()
    {
        var options = new DynamicSparseTrainer.Options { LearningRate = 0.1, Milestones = [2, 4], Gamma = 0.1 };

        double[] rates = Enumerable.Range(1, 5).Select(options.LearningRateAt).ToArray();

        CollectionAssert.AreEqual(new[] { 0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1, 0.1 * 0.1 * 0.1 }, rates);
    }

    /// <summary>Synchronous progress that cancels after the first epoch.</summary>
    private sealed class Progress(CancellationTokenSource cancel) : IProgress<EpochRecord>
    {
        public int Epochs { get; private set; }

        public void Report(EpochRecord value)
        {
            Epochs++;
            cancel.Cancel();
        }
    }
}
