using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class MlpSgdTrainerTests
{
    private static MlpTrainingOptions Options(MlpLoss loss, float lr, float momentum, int epochs = 1) => new()
    {
        HiddenLayers = [1], Loss = loss, LearningRate = lr, Momentum = momentum, Epochs = epochs, BatchSize = 1, DropoutRate = 0f,
    };

    private static LabeledSet One(float[] x, int label) => new(x, [label], x.Length);

    [TestMethod]
    public void Mse_OneStep_MovesWeightsAgainstTheError()
    {
        // a = 0.5·1 − 0.5·2 = −0.5, e = 1 − a = 1.5, delta = −1.5; v = 0.1·(−1.5)·(1, 2); W = W − v = (0.65, −0.2).
        var net = TinyNetworks.Create([2, 1], [0.5f, -0.5f]);
        new MlpSgdTrainer(Options(MlpLoss.MeanSquaredError, 0.1f, 0.5f)).Train(net, One([1f, 2f], 0), new Random(1));
        CollectionAssert.AreEqual(new[] { 0.65f, -0.2f }, net.Weights[0], new Tolerance(1e-6f));
    }

    [TestMethod]
    public void Mse_SecondStep_AddsHalfThePreviousVelocity()
    {
        // Step 2: a = 0.65 − 0.4 = 0.25, e = 0.75; v = 0.5·(−0.15, −0.3) + 0.1·(−0.75)·(1, 2) = (−0.15, −0.3); W = (0.8, 0.1).
        var net = TinyNetworks.Create([2, 1], [0.5f, -0.5f]);
        new MlpSgdTrainer(Options(MlpLoss.MeanSquaredError, 0.1f, 0.5f, epochs: 2)).Train(net, One([1f, 2f], 0), new Random(1));
        CollectionAssert.AreEqual(new[] { 0.8f, 0.1f }, net.Weights[0], new Tolerance(1e-6f));
    }

    [TestMethod]
    public void CrossEntropy_OneStep_UsesSoftmaxMinusOneHot()
    {
        // Scores (0, 0) → p = (0.5, 0.5); label 0 → delta = (−0.5, 0.5); lr 1 → W = (0.5, −0.5); loss ln 2.
        var net = TinyNetworks.Create([1, 2], [0f, 0f]);
        var losses = new MlpSgdTrainer(Options(MlpLoss.CrossEntropy, 1f, 0f)).Train(net, One([1f], 0), new Random(1));
        CollectionAssert.AreEqual(new[] { 0.5f, -0.5f }, net.Weights[0], new Tolerance(1e-6f));
        Assert.AreEqual(Math.Log(2), losses[0], 1e-6);
    }

    [TestMethod]
    public void CrossEntropy_WithMaskedOutputs_LeavesAbsentClassesOut()
    {
        // Softmax over outputs 0 and 1 only: delta = (−0.5, 0.5, 0), so output 2's weight stays 0.
        var net = TinyNetworks.Create([1, 3], [0f, 0f, 0f]);
        new MlpSgdTrainer(Options(MlpLoss.CrossEntropy, 1f, 0f)).Train(net, One([1f], 0), new Random(1), activeOutputs: [true, true, false]);
        CollectionAssert.AreEqual(new[] { 0.5f, -0.5f, 0f }, net.Weights[0], new Tolerance(1e-6f));
    }

    [TestMethod]
    public void Backprop_PassesThroughActiveReluUnits()
    {
        // 1-1-1, x = 0.5: h = 0.5, a = 0.5, e = 0.5, d2 = −0.5, d1 = d2·W2 = −0.5; lr 1:
        // W2 = 1 − (−0.5·0.5) = 1.25, W1 = 1 − (−0.5·0.5) = 1.25.
        var net = TinyNetworks.Create([1, 1, 1], [1f], [1f]);
        new MlpSgdTrainer(Options(MlpLoss.MeanSquaredError, 1f, 0f)).Train(net, One([0.5f], 0), new Random(1));
        Assert.AreEqual(1.25f, net.Weights[0][0], 1e-6f);
        Assert.AreEqual(1.25f, net.Weights[1][0], 1e-6f);
    }

    [TestMethod]
    public void Backprop_StopsAtSilentReluUnits()
    {
        // W1 = −1 → h = 0: no gradient reaches W1, and W2's gradient d2·h is 0.
        var net = TinyNetworks.Create([1, 1, 1], [-1f], [1f]);
        new MlpSgdTrainer(Options(MlpLoss.MeanSquaredError, 1f, 0f)).Train(net, One([0.5f], 0), new Random(1));
        Assert.AreEqual(-1f, net.Weights[0][0]);
        Assert.AreEqual(1f, net.Weights[1][0]);
    }

    [TestMethod]
    public void Train_WithALabelBeyondTheOutputs_ThrowsNamingTheRow()
    {
        var net = TinyNetworks.Create([1, 2], [0f, 0f]);
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            new MlpSgdTrainer(Options(MlpLoss.CrossEntropy, 1f, 0f)).Train(net, new LabeledSet([1f, 1f], [1, 5], 1), new Random(1)));
        StringAssert.Contains(ex.Message, "row 1");
        StringAssert.Contains(ex.Message, "5");
    }

    private sealed class Tolerance(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }
}
