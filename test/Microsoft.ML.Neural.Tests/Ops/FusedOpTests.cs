using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

/// <summary>Fused ops give the same values and gradients as the ops they fuse.</summary>
[TestClass]
public sealed class FusedOpTests
{
    private static (float[] Value, float[][] Grads) Run(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        foreach (var t in inputs) { t.Grad = null; t.RequiresGrad = true; }
        var y = f(inputs);
        (y * GradCheck.Random(42, -1f, 1f, y.Shape.ToArray())).Sum().Backward();
        return (y.ToArray(), inputs.Select(t => t.Grad!.ToArray()).ToArray());
    }

    private static void AssertSame((float[] Value, float[][] Grads) fused, (float[] Value, float[][] Grads) plain)
    {
        CollectionAssert.AreEqual(plain.Value, fused.Value);
        for (int i = 0; i < plain.Grads.Length; i++)
            CollectionAssert.AreEqual(plain.Grads[i], fused.Grads[i], new ToleranceComparer(1e-6f), $"gradient of input {i}");
    }

    [TestMethod]
    public void LinearRelu_EqualsLinearThenRelu()
    {
        var inputs = new[] { GradCheck.Random(1, -1f, 1f, 5, 4), GradCheck.Random(2, -1f, 1f, 3, 4), GradCheck.Random(3, -1f, 1f, 3) };
        AssertSame(Run(t => t[0].LinearRelu(t[1], t[2]), inputs), Run(t => t[0].Linear(t[1], t[2]).Relu(), inputs));
    }

    [TestMethod]
    public void BatchNormRelu_EqualsBatchNormThenRelu()
    {
        var inputs = new[] { GradCheck.Random(1, -1f, 1f, 6, 3), GradCheck.Random(2, 0.5f, 1.5f, 3), GradCheck.Random(3, -1f, 1f, 3) };
        AssertSame(
            Run(t => t[0].BatchNormRelu(Tensor.Zeros(3), Tensor.Ones(3), t[1], t[2], training: true), inputs),
            Run(t => t[0].BatchNorm(Tensor.Zeros(3), Tensor.Ones(3), t[1], t[2], training: true).Relu(), inputs));
    }

    [TestMethod]
    public void Sequential_FusesLinearAndBatchNormWithTheFollowingRelu()
    {
        var net = new Sequential(new Linear(4, 3, generator: new Generator(1)), new BatchNorm1d(3), new ReLU(), new Linear(3, 2, generator: new Generator(2)), new ReLU());
        var y = net.Forward(GradCheck.Random(5, -1f, 1f, 6, 4).RequireGrad());
        Assert.AreEqual("linear_relu", y.GradFnName);
        var first = (Linear)net.Layers[0];
        var bn = (BatchNorm1d)net.Layers[1];
        var second = (Linear)net.Layers[3];
        var x = GradCheck.Random(5, -1f, 1f, 6, 4);
        var unfused = x.Linear(first.Weight, first.Bias)
            .BatchNorm(Tensor.Zeros(3), Tensor.Ones(3), bn.Weight, bn.Bias, training: true).Relu()
            .Linear(second.Weight, second.Bias).Relu();
        CollectionAssert.AreEqual(unfused.ToArray(), y.ToArray());
    }

    [TestMethod]
    public void SequentialInEvaluationWithoutGrad_FoldsLinearBatchNormAndRelu_BitForBit()
    {
        // Trained statistics and affine terms, an affine-free norm without a ReLU, and an odd width (vector tail).
        var g = new Generator(7);
        var net = new Sequential(new Linear(20, 19, generator: g), new BatchNorm1d(19), new ReLU(),
            new Linear(19, 5, generator: g), new BatchNorm1d(5, affine: false), new Linear(5, 3, generator: g));
        var norm = (BatchNorm1d)net.Layers[1];
        using (Autograd.NoGrad())
        {
            foreach (var (name, buffer) in net.NamedBuffers())
                if (!name.EndsWith("num_batches_tracked")) buffer.CopyFrom(Tensor.Uniform(g, 0.5f, 1.5f, buffer.Shape.ToArray()));
            norm.Weight!.CopyFrom(Tensor.Uniform(g, -1f, 1f, 19));
            norm.Bias!.CopyFrom(Tensor.Uniform(g, -1f, 1f, 19));
        }
        net.Eval();
        var x = Tensor.Uniform(g, -2f, 2f, 13, 20);

        var l0 = (Linear)net.Layers[0];
        var l3 = (Linear)net.Layers[3];
        var l5 = (Linear)net.Layers[5];
        var n4 = (BatchNorm1d)net.Layers[4];
        var plain = x.Linear(l0.Weight, l0.Bias)
            .BatchNorm(norm.RunningMean, norm.RunningVar, norm.Weight, norm.Bias, training: false).Relu()
            .Linear(l3.Weight, l3.Bias).BatchNorm(n4.RunningMean, n4.RunningVar, null, null, training: false)
            .Linear(l5.Weight, l5.Bias);
        Tensor fused;
        using (Autograd.NoGrad()) fused = net.Forward(x);
        CollectionAssert.AreEqual(plain.ToArray(), fused.ToArray());
        Assert.IsTrue(plain.ToArray().Any(v => v != 0f));

        // With a graph to record, the layers run unfused and keep their gradients.
        var recorded = net.Forward(x);
        Assert.AreEqual("linear", recorded.GradFnName);
        CollectionAssert.AreEqual(plain.ToArray(), recorded.ToArray());
    }
}
