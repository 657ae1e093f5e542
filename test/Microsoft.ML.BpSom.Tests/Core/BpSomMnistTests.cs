using Microsoft.ML.Datasets;

namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomMnistTests
{
    [TestMethod]
    public void Train_OnAnMnistSubset_LearnsAndUsesTheSom()
    {
        var training = MnistSubset.Load(MnistSplit.Train, 5000);
        var test = MnistSubset.Load(MnistSplit.Test, 1000);
        var options = new BpSomTrainer.Options
        {
            HiddenLayerSizes = [30], SomGridSize = 6, NumberOfEpochs = 8, TestRatio = 2, LearningRate = 0.05f,
        };
        var learner = new BpSomLearner(options, training.FeatureCount, training.ClassCount, seed: 1);
        learner.Train(training, null);

        var scorer = learner.Network.Perceptron;
        int correct = 0;
        for (int n = 0; n < test.Count; n++)
        {
            scorer.Forward(test.Row(n));
            if (Numerics.VectorKernels.ArgMax(scorer.Activations(scorer.OutputLayer)) == test.Labels[n] - 1) correct++;
        }
        Assert.IsGreaterThan(0.78, correct / (double)test.Count);   // 83% with this seed; chance is 10%
        Assert.IsGreaterThan(0.0, learner.History[^1].SomUsagePercent);
        Assert.AreEqual(learner.Network.Maps[0].Dimension, learner.Network.Perceptron.Layers[0].UnitCount);
    }
}
