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
}
