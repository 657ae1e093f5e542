namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BackpropagationTests
{
    // 1 input → 2 hidden units at σ(0) = 0.5 → 2 outputs at σ(0) = 0.5.
    private static MultilayerPerceptron HalfwayNetwork() => NetworkBuilder.Perceptron(
        NetworkBuilder.Layer(1, [0f, 0f], [0f, 0f]),
        NetworkBuilder.Layer(2, [0f, 0f, 0f], [0f, 0f, 0f]));

    [TestMethod]
    public void Step_WithAlphaOne_MovesHiddenActivationsTowardThePrototype()
    {
        var network = HalfwayNetwork();
        network.Forward([1f]);
        float[] prototype = [0.9f, 0.1f];
        var som = new float[2];
        SomError.Compute(prototype, network.Activations(1), 100, som);   // (0.4, −0.4)
        var backprop = new Backpropagation { ErrorThreshold = 0f, Loss = BpSomLoss.MeanSquaredError, SomErrorWeight = 1f };

        backprop.Step(network, [0.9f, 0.1f], [null, som], learningRate: 0.5f, momentum: 0f);
        Approx.AreEqual([0.4f, -0.4f], backprop.Deltas(1));
        network.Forward([1f]);

        // Each hidden sum moves by η·δ·(1 + x) = 0.5 · ±0.4 · 2 = ±0.4, toward the prototype's side.
        Assert.AreEqual(1 / (1 + Math.Exp(-0.4)), network.Activations(1)[0], 1e-6);
        Assert.AreEqual(1 / (1 + Math.Exp(0.4)), network.Activations(1)[1], 1e-6);
        Assert.IsTrue(Math.Abs(network.Activations(1)[0] - prototype[0]) < 0.4f);
        Assert.IsTrue(Math.Abs(network.Activations(1)[1] - prototype[1]) < 0.4f);
    }

    [TestMethod]
    public void Step_WithMeanSquaredError_UsesSigmoidDerivativeAndMomentum()
    {
        var network = HalfwayNetwork();
        network.Layers[1].MomentumRow(0)[0] = 0.2f;                       // the previous bias change of output 0
        network.Forward([1f]);
        var backprop = new Backpropagation { ErrorThreshold = 0f, Loss = BpSomLoss.MeanSquaredError, SomErrorWeight = 0f };
        backprop.Step(network, [0.9f, 0.1f], [null, null], learningRate: 0.5f, momentum: 0.5f);
        Assert.AreEqual(0.1f, backprop.Deltas(2)[0], 1e-7f);               // 0.5 · 0.5 · (0.9 − 0.5)
        Assert.AreEqual(0.15f, network.Layers[1].Row(0)[0], 1e-7f);        // 0.5 · 0.1 · 1 + 0.5 · 0.2
    }

    [TestMethod]
    public void Step_WithCrossEntropy_DropsTheSigmoidDerivativeFromOutputDeltas()
    {
        var network = HalfwayNetwork();
        network.Forward([1f]);
        var backprop = new Backpropagation { ErrorThreshold = 0f, Loss = BpSomLoss.CrossEntropy, SomErrorWeight = 0f };
        backprop.Step(network, [0.9f, 0.1f], [null, null], 0.5f, 0f);
        Approx.AreEqual([0.4f, -0.4f], backprop.Deltas(2));
    }

    [TestMethod]
    public void Step_LeavesOutputUnitsWithSmallErrorUntouchedEvenWithMomentum()
    {
        var network = HalfwayNetwork();
        network.Layers[1].MomentumRow(1)[0] = 0.3f;
        network.Forward([1f]);
        var backprop = new Backpropagation { ErrorThreshold = 0.1f, Loss = BpSomLoss.MeanSquaredError, SomErrorWeight = 0f };
        backprop.Step(network, [0.9f, 0.45f], [null, null], 0.5f, 0.9f);   // output 1: |0.45 − 0.5| ≤ 0.1
        Assert.AreEqual(0f, network.Layers[1].Row(1)[0]);
        Assert.AreEqual(0.3f, network.Layers[1].MomentumRow(1)[0]);
        Assert.AreNotEqual(0f, network.Layers[1].Row(0)[0]);
    }

    [TestMethod]
    public void Step_InParityMode_GatesHiddenUnitsOnTheOutputErrorAtTheSameIndex()
    {
        // One output already at its target 0.9; two hidden units pushed by the SOM error alone.
        MultilayerPerceptron Network() => NetworkBuilder.Perceptron(
            NetworkBuilder.Layer(1, [0f, 0f], [0f, 0f]),
            NetworkBuilder.Layer(2, [NetworkBuilder.Logit(0.9), 0f, 0f]));
        float[] som = [0.4f, 0.4f];

        var intended = Network();
        intended.Forward([1f]);
        new Backpropagation { ErrorThreshold = 0.01f, Loss = BpSomLoss.MeanSquaredError, SomErrorWeight = 1f }
            .Step(intended, [0.9f], [null, som], 0.5f, 0f);
        Assert.AreEqual(0.2f, intended.Layers[0].Row(0)[0], 1e-7f);
        Assert.AreEqual(0.2f, intended.Layers[0].Row(1)[0], 1e-7f);

        var parity = Network();
        parity.Forward([1f]);
        new Backpropagation { ErrorThreshold = 0.01f, Loss = BpSomLoss.MeanSquaredError, SomErrorWeight = 1f, GateHiddenUpdatesOnOutputError = true }
            .Step(parity, [0.9f], [null, som], 0.5f, 0f);
        Assert.AreEqual(0f, parity.Layers[0].Row(0)[0]);                    // gated by output 0's small error
        Assert.AreEqual(0.2f, parity.Layers[0].Row(1)[0], 1e-7f);          // beyond the outputs: updated
    }
}
