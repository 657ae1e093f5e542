using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class TensorScopeTests
{
    [TestMethod]
    public void TensorsOfAnEndedScope_ThrowWhenRead()
    {
        Tensor inner;
        using (TensorScope.Begin()) inner = Tensor.Ones(3) * 2f;
        var ex = Assert.ThrowsExactly<ObjectDisposedException>(() => inner.ToArray());
        StringAssert.Contains(ex.Message, "DetachFromScope");
    }

    [TestMethod]
    public void DetachedTensors_SurviveTheirScope()
    {
        Tensor kept;
        using (TensorScope.Begin()) kept = (Tensor.Ones(3) * 2f).DetachFromScope();
        CollectionAssert.AreEqual(new[] { 2f, 2f, 2f }, kept.ToArray());
    }

    [TestMethod]
    public void MoveToOuterScope_LivesUntilTheOuterScopeEnds()
    {
        Tensor moved;
        using (TensorScope.Begin())
        {
            using (TensorScope.Begin()) moved = Tensor.Ones(2).MoveToOuterScope();
            Assert.AreEqual(2f, moved.Sum().Item());
        }
        Assert.ThrowsExactly<ObjectDisposedException>(() => moved.ToArray());
    }

    [TestMethod]
    public void Storage_IsReusedByTheNextScope()
    {
        float[] first;
        using (TensorScope.Begin()) first = Tensor.Zeros(123).Storage;
        using (TensorScope.Begin()) Assert.AreSame(first, Tensor.Zeros(123).Storage);
    }

    [TestMethod]
    public void TrainingStep_InAScope_LeavesParametersAndGradientsUsable()
    {
        var layer = new Linear(3, 2, generator: new Generator(1));
        var sgd = new Sgd(layer.Parameters(), 0.1, momentum: 0.9);
        for (int i = 0; i < 3; i++)
        {
            using var scope = TensorScope.Begin();
            sgd.ZeroGrad();
            layer.Forward(Tensor.Ones(4, 3)).CrossEntropy([0, 1, 0, 1]).Backward();
            sgd.Step();
        }
        Assert.AreEqual(6, layer.Weight.Grad!.Count);
        Assert.IsTrue(layer.Weight.ToArray().All(float.IsFinite));
    }
}
