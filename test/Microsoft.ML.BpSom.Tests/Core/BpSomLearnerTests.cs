namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomLearnerTests
{
    /// <summary>1 input → 1 hidden unit at 0.6 → 2 outputs at 0.5; a 2×2 SOM with prototypes 0, 1, −5, −5,
    /// cell 0 labelled class 2 and cell 1 labelled class 1.</summary>
    private static BpSomNetwork OneUnitNetwork(int reliability)
    {
        var perceptron = NetworkBuilder.Perceptron(
            NetworkBuilder.Layer(1, [NetworkBuilder.Logit(0.6), 0f]),
            NetworkBuilder.Layer(1, [0f, 0f], [0f, 0f]));
        var map = SomBuilder.Map(2, 1, [0f, 1f, -5f, -5f], classCount: 2);
        SomBuilder.Label(map, [2, 1, 0, 0], [reliability, reliability, 0, 0]);
        return new BpSomNetwork(perceptron, [map]);
    }

    private static BpSomTrainer.Options OneUnitOptions() => new()
    {
        HiddenLayerSizes = [1], SomErrorWeight = 1f, ReliabilityThreshold = 95, LearningRate = 0.1f, MomentumDelay = 0,
    };

    [TestMethod]
    public void LearnExample_UpdatesTheSomBeforeBackpropAndReadsTheClassWinnerAfterwards()
    {
        var network = OneUnitNetwork(reliability: 100);
        var learner = new BpSomLearner(OneUnitOptions(), network, new Random(1));

        var step = learner.LearnExample([0f], label: 1, somRate: 0.5f, somRadius: 0, gatherMean: false);

        // Winner and class winner are both cell 1 (0.16 away). It moves to 1 + 0.5 · (0.6 − 1) = 0.8 first,
        // so the SOM error is 1.00 · (0.8 − 0.6) = 0.2 rather than 0.4.
        Assert.AreEqual(1, step.SomLayersUsed);
        Assert.AreEqual(0.8f, network.Maps[0].GetPrototype(1)[0], 1e-6f);
        Assert.AreEqual(0.2f, learner.LastDeltas(1)[0], 1e-6f);
    }

    [TestMethod]
    public void LearnExample_WithClassWinnerBelowReliabilityThreshold_UsesTheBackpropErrorOnly()
    {
        var network = OneUnitNetwork(reliability: 90);
        var learner = new BpSomLearner(OneUnitOptions(), network, new Random(1));
        var step = learner.LearnExample([0f], 1, 0.5f, 0, false);
        Assert.AreEqual(0, step.SomLayersUsed);
        Assert.AreEqual(0f, learner.LastDeltas(1)[0]);   // the output weights are 0, so backprop brings nothing back
    }

    [TestMethod]
    public void LearnExample_DuringMomentumDelay_IgnoresThePreviousWeightChange()
    {
        float BiasAfterOneStep(int momentumDelay)
        {
            var network = OneUnitNetwork(reliability: 100);
            network.Perceptron.Layers[1].MomentumRow(0)[0] = 0.2f;
            var options = OneUnitOptions();
            options.SomErrorWeight = 0f;
            options.LearningRate = 0.5f;
            options.Momentum = 0.5f;
            options.MomentumDelay = momentumDelay;
            new BpSomLearner(options, network, new Random(1)).LearnExample([0f], 1, 0.5f, 0, false);
            return network.Perceptron.Layers[1].Row(0)[0];
        }
        // Output 0: δ = 0.5 · 0.5 · (0.9 − 0.5) = 0.1, so η·δ = 0.05; momentum would add 0.5 · 0.2.
        Assert.AreEqual(0.05f, BiasAfterOneStep(momentumDelay: 1), 1e-6f);
        Assert.AreEqual(0.15f, BiasAfterOneStep(momentumDelay: 0), 1e-6f);
    }

    [TestMethod]
    public void Train_WithTheSameSeed_GivesIdenticalNetworksAndHistories()
    {
        var data = SyntheticData.Blobs(count: 120, seed: 2);
        var options = new BpSomTrainer.Options { HiddenLayerSizes = [6], SomGridSize = 3, NumberOfEpochs = 8, TestRatio = 2, Shuffle = true };
        var first = new BpSomLearner(options, data.FeatureCount, data.ClassCount, seed: 11);
        var second = new BpSomLearner(options, data.FeatureCount, data.ClassCount, seed: 11);
        first.Train(data, null);
        second.Train(data, null);
        CollectionAssert.AreEqual(first.Network.Perceptron.Layers[0].Weights, second.Network.Perceptron.Layers[0].Weights);
        CollectionAssert.AreEqual(first.Network.Maps[0].PrototypeValues, second.Network.Maps[0].PrototypeValues);
        Assert.AreEqual(string.Join(";", first.History), string.Join(";", second.History));
    }

    [TestMethod]
    public void Train_LabelsValidatesAndPrunesOnlyInTestEpochs()
    {
        var data = SyntheticData.Blobs(120, 3);
        var options = new BpSomTrainer.Options { HiddenLayerSizes = [6], SomGridSize = 3, NumberOfEpochs = 6, TestRatio = 3 };
        var learner = new BpSomLearner(options, data.FeatureCount, data.ClassCount, 5);
        learner.Train(data, data);
        CollectionAssert.AreEqual(new[] { false, false, true, false, false, true },
            learner.History.Select(epoch => epoch.ValidationAccuracy.HasValue).ToArray());
        // Every cell is unlabelled during the first TestRatio epochs, so no SOM error is used yet.
        Assert.AreEqual(0.0, learner.History[0].SomUsagePercent);
        Assert.IsTrue(learner.Network.Maps[0].Labels.ToArray().Any(label => label > 0));
    }

    [TestMethod]
    public void Train_WhenValidationStopsImproving_StopsAfterThePatienceRunsOut()
    {
        // With learning rate 0 and α 0 the network never changes: epoch 1 is the best, epochs 2 and 3 are not, and with
        // patience 2 the loop ends before epoch 4 (ALGORITHMS.md A.10).
        var data = SyntheticData.Blobs(60, 6);
        var options = new BpSomTrainer.Options
        {
            HiddenLayerSizes = [4], SomGridSize = 2, NumberOfEpochs = 50, TestRatio = 1, EarlyStoppingPatience = 2,
            LearningRate = 0f, SomErrorWeight = 0f, PruneThreshold = 0f,
        };
        var learner = new BpSomLearner(options, data.FeatureCount, data.ClassCount, 3);
        learner.Train(data, data);
        CollectionAssert.AreEqual(new[] { true, false, false }, learner.History.Select(epoch => epoch.IsBest).ToArray());
    }

    [TestMethod]
    public void Train_RestoresTheNetworkOfTheBestValidationEpoch()
    {
        var training = SyntheticData.Blobs(90, 7);
        var validation = SyntheticData.Blobs(30, 8);
        var options = new BpSomTrainer.Options { HiddenLayerSizes = [5], SomGridSize = 3, NumberOfEpochs = 12, TestRatio = 1, LearningRate = 0.5f };
        var learner = new BpSomLearner(options, training.FeatureCount, training.ClassCount, 4);
        learner.Train(training, validation);

        var best = learner.History.Last(epoch => epoch.IsBest);
        var network = learner.Network.Perceptron;
        double errorSum = 0;
        for (int n = 0; n < validation.Count; n++)
        {
            network.Forward(validation.Row(n));
            var output = network.Activations(network.OutputLayer);
            for (int i = 0; i < output.Length; i++)
            {
                float target = i == validation.Labels[n] - 1 ? 0.9f : 0.1f;
                errorSum += (target - output[i]) * (target - output[i]);
            }
        }
        Assert.AreEqual(best.ValidationError!.Value, errorSum / validation.Count, 1e-5);
        CollectionAssert.AreEqual(best.HiddenLayerSizes.ToArray(), new[] { network.Layers[0].UnitCount });
    }

    [TestMethod]
    public void Train_WithoutAnyTestEpoch_KeepsTheFinalNetworkAndLabelsItsSom()
    {
        var data = SyntheticData.Blobs(60, 9);
        var options = new BpSomTrainer.Options { HiddenLayerSizes = [4], SomGridSize = 2, NumberOfEpochs = 2, TestRatio = 5 };
        var learner = new BpSomLearner(options, data.FeatureCount, data.ClassCount, 2);
        var initial = learner.Network.Perceptron.Layers[0].Weights.ToArray();
        learner.Train(data, null);
        CollectionAssert.AreNotEqual(initial, learner.Network.Perceptron.Layers[0].Weights);
        Assert.IsTrue(learner.Network.Maps[0].Labels.ToArray().Any(label => label > 0));
    }

    [TestMethod]
    public void Train_WhenCheckAliveThrows_StopsWithThatException()
    {
        var data = SyntheticData.Blobs(60, 4);
        var learner = new BpSomLearner(new BpSomTrainer.Options { HiddenLayerSizes = [4], SomGridSize = 2 }, data.FeatureCount, data.ClassCount, 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() => learner.Train(data, null, checkAlive: cancelled.Token.ThrowIfCancellationRequested));
    }

    [TestMethod]
    public void Constructor_WithGridZeroOrAlphaOutsideZeroToOne_NamesTheOption()
    {
        var grid = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BpSomLearner(new BpSomTrainer.Options { SomGridSize = 0 }, 4, 3, 1));
        Assert.AreEqual(nameof(BpSomTrainer.Options.SomGridSize), grid.ParamName);
        var alpha = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BpSomLearner(new BpSomTrainer.Options { SomErrorWeight = 1.5f }, 4, 3, 1));
        Assert.AreEqual(nameof(BpSomTrainer.Options.SomErrorWeight), alpha.ParamName);
        StringAssert.Contains(alpha.Message, "SomErrorWeight = 1.5");
    }
}
