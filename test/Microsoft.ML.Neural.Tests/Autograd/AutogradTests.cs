using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class AutogradTests
{
    [TestMethod]
    public void Backward_OfProductSum_GivesTheOtherFactor()
    {
        var a = Tensor.FromArray([1f, 2f, 3f]).RequireGrad();
        var b = Tensor.FromArray([4f, 5f, 6f]).RequireGrad();
        (a * b).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, a.Grad!.ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, b.Grad!.ToArray());
    }

    [TestMethod]
    public void Backward_TensorUsedTwice_SumsBothContributions()
    {
        // y = x·x + 3x → dy/dx = 2x + 3 = 7 at x = 2.
        var x = Tensor.FromArray([2f]).RequireGrad();
        (x * x + x * 3f).Sum().Backward();
        Assert.AreEqual(7f, x.Grad!.Item());
    }

    [TestMethod]
    public void Backward_CalledTwice_AccumulatesIntoGrad()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        (x * 2f).Sum().Backward();
        (x * 3f).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 5f, 5f }, x.Grad!.ToArray());
    }

    [TestMethod]
    public void Grad_SetToNull_RestartsAccumulationInTheSameStorage()
    {
        var x = Tensor.FromArray([1f]).RequireGrad();
        (x * 2f).Sum().Backward();
        var first = x.Grad!;
        x.Grad = null;
        (x * 3f).Sum().Backward();
        Assert.AreEqual(3f, x.Grad!.Item());
        Assert.IsTrue(first.SharesStorageWith(x.Grad));
    }

    [TestMethod]
    public void NoGrad_RecordsNoGraph()
    {
        var x = Tensor.FromArray([1f]).RequireGrad();
        Tensor y;
        using (Autograd.NoGrad()) y = x * 2f;
        Assert.IsFalse(y.RequiresGrad);
        Assert.IsNull(y.GradFnName);
        Assert.IsTrue(Autograd.IsGradEnabled);
    }

    [TestMethod]
    public void Detach_StopsGradientsButSharesStorage()
    {
        var x = Tensor.FromArray([3f]).RequireGrad();
        var d = x.Detach();
        (x * d).Sum().Backward();
        Assert.AreEqual(3f, x.Grad!.Item());
        Assert.IsFalse(d.RequiresGrad);
        Assert.IsTrue(d.SharesStorageWith(x));
    }

    [TestMethod]
    public void Hook_ReplacesTheGradientFlowingUpstream()
    {
        // h = 2x; a hook on h adds 10 to its gradient (as BP-SOM injects its SOM error); then dL/dx = 2·(1 + 10).
        var x = Tensor.FromArray([1f, 1f]).RequireGrad();
        var h = x * 2f;
        h.RegisterHook(g => g + 10f);
        h.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 22f, 22f }, x.Grad!.ToArray());
    }

    [TestMethod]
    public void Hook_OnLeaf_SeesTheSummedGradientAndCanBeRemoved()
    {
        var x = Tensor.FromArray([1f]).RequireGrad();
        var seen = new List<float>();
        var handle = x.RegisterHook(g => { seen.Add(g.Item()); return g; });
        (x * 2f + x * 3f).Sum().Backward();
        handle.Dispose();
        (x * 2f).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 5f }, seen);
        Assert.AreEqual(7f, x.Grad!.Item());
    }

    [TestMethod]
    public void RetainGrad_KeepsTheGradientOfAnIntermediate()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        var h = x * 3f;
        h.RetainGrad();
        (h * h).Sum().Backward();
        CollectionAssert.AreEqual(new[] { 6f, 12f }, h.Grad!.ToArray());
    }

    [TestMethod]
    public void Backward_OfNonScalarWithoutGradient_Throws()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => (x * 2f).Backward());
        StringAssert.Contains(ex.Message, "[2]");
    }

    [TestMethod]
    public void AnomalyMode_NamesTheOpWhoseBackwardProducedNaN()
    {
        // d/dx sqrt(x) at 0 is infinite; multiplied by 0 downstream it becomes NaN in sqrt's input gradient.
        var x = Tensor.FromArray([0f, 1f]).RequireGrad();
        using var anomaly = Autograd.DetectAnomaly();
        var ex = Assert.ThrowsExactly<ArithmeticException>(() => x.Sqrt().Sum().Backward());
        StringAssert.Contains(ex.Message, "'sqrt'");
        StringAssert.Contains(ex.Message, "infinity");
    }

    [TestMethod]
    public void WithoutAnomalyMode_NonFiniteGradientsPassSilently()
    {
        var x = Tensor.FromArray([0f]).RequireGrad();
        x.Sqrt().Sum().Backward();
        Assert.IsTrue(float.IsPositiveInfinity(x.Grad!.Item()));
    }

    [TestMethod]
    public void ShapeMismatch_NamesTheOpAndBothShapes()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Tensor.Zeros(2, 3).Add(Tensor.Zeros(4)));
        StringAssert.Contains(ex.Message, "Add");
        StringAssert.Contains(ex.Message, "[2, 3]");
        StringAssert.Contains(ex.Message, "[4]");
        var mm = Assert.ThrowsExactly<ArgumentException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(4, 5)));
        StringAssert.Contains(mm.Message, "MatMul");
        StringAssert.Contains(mm.Message, "[2, 3]");
        StringAssert.Contains(mm.Message, "[4, 5]");
    }

    [TestMethod]
    public void Record_CustomOp_ParticipatesInBackward()
    {
        // y = c·x² defined outside the core with its own kernel and backward closure.
        var x = Tensor.FromArray([1f, -2f]).RequireGrad();
        var xc = x.Contiguous();
        var y = Tensor.EmptyLike(xc);
        var ys = y.AsSpan();
        for (int i = 0; i < 2; i++) ys[i] = 3f * xc.AsReadOnlySpan()[i] * xc.AsReadOnlySpan()[i];
        Autograd.Record("scaled_square", y, [x], g => [g * xc * 6f]);
        Assert.AreEqual("scaled_square", y.GradFnName);
        y.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 6f, -12f }, x.Grad!.ToArray());
    }

    [TestMethod]
    public void Record_BackwardReturningWrongShape_ThrowsNamingTheOp()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        var y = Autograd.Record("broken", Tensor.Zeros(2), x, g => Tensor.Zeros(3));
        var ex = Assert.ThrowsExactly<InvalidOperationException>(() => y.Sum().Backward());
        StringAssert.Contains(ex.Message, "'broken'");
        StringAssert.Contains(ex.Message, "[3]");
    }

    [TestMethod]
    public void RequiresGrad_OnNonLeaf_CannotBeSet()
    {
        var y = Tensor.FromArray([1f]).RequireGrad() * 2f;
        Assert.ThrowsExactly<InvalidOperationException>(() => y.RequiresGrad = false);
    }

    [TestMethod]
    public void DeepChain_DoesNotOverflowTheStack()
    {
        var x = Tensor.FromArray([1f]).RequireGrad();
        var y = x;
        for (int i = 0; i < 20000; i++) y = y + 0f;
        y.Sum().Backward();
        Assert.AreEqual(1f, x.Grad!.Item());
    }
}
