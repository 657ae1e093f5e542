using Microsoft.ML.Neural;

namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomTextLearnerSnapshotTests
{
    [TestMethod]
    public void Train_SnapshotsTheSomAfterEveryEpochsLabellingPass()
    {
        // The tiny BERT with an 8-unit head and a 3×3 SOM for 3 epochs; no pruning, so the map the epoch callback sees is exactly the
        // one the labelling pass left (pruning would drop prototype components after the snapshot).
        var options = TextNetworks.Options();
        options.NumberOfEpochs = 3;
        options.EarlyStoppingPatience = 3;
        options.PruneThreshold = 0f;
        var rows = SentimentRow.Make(24, seed: 5);
        var training = new TextExamples([.. rows.Select(r => r.Sentence)], null, [.. rows.Select(r => (int)r.Label - 1)]);
        var learner = new BpSomTextLearner(options, TextNetworks.Network(options), training.Count, new Generator(1), new Generator(2));
        var live = new Dictionary<int, (int[] Labels, int[] Reliabilities, float[] UMatrix)>();

        learner.Train(training, validation: null, progress: null,
            epochDone: e => live[e.Epoch] = (learner.Network.Map.Labels.ToArray(), learner.Network.Map.Reliabilities.ToArray(), learner.Network.Map.ComputeUMatrix()),
            checkAlive: () => { });

        Assert.AreEqual(3, learner.History.Count);
        foreach (var epoch in learner.History)
        {
            var som = epoch.Som ?? throw new AssertFailedException($"epoch {epoch.Epoch} has no SOM snapshot");
            Assert.AreEqual(3, som.GridSize);
            Assert.AreEqual(2, som.ClassCount);
            CollectionAssert.AreEqual(live[epoch.Epoch].Labels, som.Labels.ToArray(), $"epoch {epoch.Epoch}");
            CollectionAssert.AreEqual(live[epoch.Epoch].Reliabilities, som.Reliabilities.ToArray(), $"epoch {epoch.Epoch}");
            CollectionAssert.AreEqual(live[epoch.Epoch].UMatrix, som.UMatrix.ToArray(), $"epoch {epoch.Epoch}");
        }
        // The SOM moved in every epoch, so each snapshot keeps its own epoch's U-matrix; labels differ exactly where the map's did.
        for (int e = 1; e < 3; e++)
        {
            var (before, after) = (learner.History[e - 1].Som!, learner.History[e].Som!);
            CollectionAssert.AreNotEqual(before.UMatrix.ToArray(), after.UMatrix.ToArray(), $"epochs {e} and {e + 1}");
            Assert.AreEqual(!live[e].Labels.SequenceEqual(live[e + 1].Labels), !before.Labels.SequenceEqual(after.Labels), $"epochs {e} and {e + 1}");
        }
    }
}
