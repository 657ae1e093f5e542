namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomLearnerSnapshotTests
{
    /// <summary>What a live map showed when an epoch ended: copies, so later epochs cannot change them.</summary>
    private sealed record MapState(int[] Labels, int[] Reliabilities, float[] UMatrix)
    {
        public static MapState Of(SelfOrganizingMap map) => new(map.Labels.ToArray(), map.Reliabilities.ToArray(), map.ComputeUMatrix());
    }

    [TestMethod]
    public void Train_SnapshotsEverySomAfterEachLabellingPass_AndOnlyThen()
    {
        // 4-5-3-3 with a 3×3 SOM per hidden layer, labelled every 2nd epoch; no pruning, so the maps the epoch callback sees are
        // exactly those the labelling pass left (pruning would drop prototype components after the snapshot).
        var options = new BpSomTrainer.Options
        {
            HiddenLayerSizes = [5, 3], SomGridSize = 3, NumberOfEpochs = 4, TestRatio = 2, LearningRate = 0.3f, PruneThreshold = 0f,
        };
        var learner = new BpSomLearner(options, featureCount: 4, classCount: 3, seed: 7);
        var live = new Dictionary<int, MapState[]>();

        learner.Train(SyntheticData.Blobs(30, 1), validation: null,
            epochDone: epoch => live[epoch.Epoch] = [.. learner.Network.Maps.Select(MapState.Of)]);

        CollectionAssert.AreEqual(new[] { 0, 2, 0, 2 }, learner.History.Select(e => e.Soms.Count).ToArray(), "test epochs 2 and 4 only");
        foreach (var epoch in learner.History.Where(e => e.Soms.Count > 0))
            for (int h = 0; h < 2; h++)
            {
                var som = epoch.Soms[h];
                var state = live[epoch.Epoch][h];
                Assert.AreEqual(3, som.GridSize);
                Assert.AreEqual(3, som.ClassCount);
                CollectionAssert.AreEqual(state.Labels, som.Labels.ToArray(), $"epoch {epoch.Epoch}, SOM {h + 1}");
                CollectionAssert.AreEqual(state.Reliabilities, som.Reliabilities.ToArray(), $"epoch {epoch.Epoch}, SOM {h + 1}");
                CollectionAssert.AreEqual(state.UMatrix, som.UMatrix.ToArray(), $"epoch {epoch.Epoch}, SOM {h + 1}");
            }

        // The maps kept training between epochs 2 and 4, so their U-matrices moved, and epoch 2's snapshot still shows epoch 2.
        for (int h = 0; h < 2; h++)
        {
            var (second, fourth) = (learner.History[1].Soms[h], learner.History[3].Soms[h]);
            CollectionAssert.AreNotEqual(second.UMatrix.ToArray(), fourth.UMatrix.ToArray(), $"SOM {h + 1}");
            Assert.AreEqual(!live[2][h].Labels.SequenceEqual(live[4][h].Labels), !second.Labels.SequenceEqual(fourth.Labels), $"SOM {h + 1}: labels differ iff the map's did");
        }
    }
}
