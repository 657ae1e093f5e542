using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class IndexingAndMaskTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradCheck.Random(seed, -1f, 1f, shape);

    [TestMethod]
    public void IndexSelect_PicksSlicesAndAddsGradientsOfRepeats()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 3, 2).RequireGrad();
        var y = x.IndexSelect(0, [2, 0, 2]);
        CollectionAssert.AreEqual(new[] { 5f, 6f, 1f, 2f, 5f, 6f }, y.ToArray());
        y.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 1f, 1f, 0f, 0f, 2f, 2f }, x.Grad!.ToArray());
    }

    [TestMethod]
    public void IndexSelect_AlongColumns_MatchesFiniteDifferences() =>
        GradCheck.Check(t => t[0].IndexSelect(1, [3, 0, 3]), R(1, 2, 4));

    [TestMethod]
    public void IndexSelect_OutOfRange_ThrowsNamingTheIndex()
    {
        var ex = Assert.ThrowsExactly<IndexOutOfRangeException>(() => Tensor.Zeros(3, 2).IndexSelect(0, [1, 3]));
        StringAssert.Contains(ex.Message, "index 3 at position 1");
    }

    [TestMethod]
    public void Gather_PicksOnePerRow()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        CollectionAssert.AreEqual(new[] { 3f, 4f }, x.Gather(1, [2, 0]).ToArray());
    }

    [TestMethod]
    public void Gather_And_ScatterAdd_MatchFiniteDifferences()
    {
        GradCheck.Check(t => t[0].Gather(0, [1, 0, 1, 1, 0, 0]), R(1, 2, 3));
        GradCheck.Check(t => t[0].ScatterAdd(1, [0, 0, 2, 1], t[1]), R(2, 2, 3), R(3, 2, 2));
    }

    [TestMethod]
    public void ScatterAdd_AddsRepeatedPositions()
    {
        var y = Tensor.Zeros(1, 3).ScatterAdd(1, [2, 2, 0], Tensor.FromArray([1f, 2f, 4f], 1, 3));
        CollectionAssert.AreEqual(new[] { 4f, 0f, 3f }, y.ToArray());
    }

    [TestMethod]
    public void Concat_And_Stack_JoinAndSplitGradients()
    {
        var a = Tensor.FromArray([1f, 2f], 1, 2);
        var b = Tensor.FromArray([3f, 4f, 5f, 6f], 2, 2);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, TensorOps.Concat([a, b]).ToArray());
        var s = TensorOps.Stack([a, a], 2);
        CollectionAssert.AreEqual(new[] { 1, 2, 2 }, s.Shape.ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 1f, 2f, 2f }, s.ToArray());
        GradCheck.Check(t => TensorOps.Concat([t[0], t[1].T()], 1), R(1, 2, 3), R(2, 4, 2));
        GradCheck.Check(t => TensorOps.Stack([t[0], t[1]], 1), R(1, 2, 3), R(2, 2, 3));
    }

    [TestMethod]
    public void Concat_WithMismatchedShapes_NamesBoth()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => TensorOps.Concat([Tensor.Zeros(2, 3), Tensor.Zeros(2, 4)]));
        StringAssert.Contains(ex.Message, "[2, 3]");
        StringAssert.Contains(ex.Message, "[2, 4]");
    }

    [TestMethod]
    public void Embedding_LooksUpRowsAndSkipsThePaddingGradient()
    {
        var table = Tensor.FromArray([0f, 0f, 1f, 2f, 3f, 4f], 3, 2).RequireGrad();
        var y = table.Embedding([2, 0, 2, 1], [2, 2], paddingIndex: 0);
        CollectionAssert.AreEqual(new[] { 2, 2, 2 }, y.Shape.ToArray());
        CollectionAssert.AreEqual(new[] { 3f, 4f, 0f, 0f, 3f, 4f, 1f, 2f }, y.ToArray());
        y.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 0f, 0f, 1f, 1f, 2f, 2f }, table.Grad!.ToArray());
    }

    [TestMethod]
    public void MaskedFill_ReplacesMaskedValuesAndBlocksTheirGradient()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2).RequireGrad();
        var y = x.MaskedFill(Tensor.FromArray([0f, 1f]), -9f);
        CollectionAssert.AreEqual(new[] { 1f, -9f, 3f, -9f }, y.ToArray());
        y.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 1f, 0f, 1f, 0f }, x.Grad!.ToArray());
    }

    [TestMethod]
    public void Heaviside_IsAStepWithTheGivenValueAtZero()
    {
        var y = Tensor.FromArray([-1f, 0f, 2f]).RequireGrad().Heaviside(0.5f);
        CollectionAssert.AreEqual(new[] { 0f, 0.5f, 1f }, y.ToArray());
        Assert.IsFalse(y.RequiresGrad);
    }

    [TestMethod]
    public void TopK_ReturnsTheLargestInIndexOrder()
    {
        var x = Tensor.FromArray([5f, 1f, 7f, 3f, 0f, 2f, 2f, 9f], 2, 4);
        var (values, indices) = x.TopK(2);
        CollectionAssert.AreEqual(new[] { 0, 2, 1, 3 }, indices);   // the tie between the two 2s goes to index 1
        CollectionAssert.AreEqual(new[] { 5f, 7f, 2f, 9f }, values.ToArray());
    }

    [TestMethod]
    public void KWinnersMask_BreaksTiesTowardsTheLowerIndex()
    {
        var mask = Tensor.FromArray([1f, 3f, 3f, 3f, 0f]).KWinnersMask(2);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 1f, 0f, 0f }, mask.ToArray());
    }

    [TestMethod]
    public void KWinners_PassesGradientOnlyToWinners()
    {
        var x = Tensor.FromArray([0.1f, 0.9f, 0.5f, 0.7f]).RequireGrad();
        var y = x.KWinners(2);
        CollectionAssert.AreEqual(new[] { 0f, 0.9f, 0f, 0.7f }, y.ToArray());
        y.Sum().Backward();
        CollectionAssert.AreEqual(new[] { 0f, 1f, 0f, 1f }, x.Grad!.ToArray());
    }

    [TestMethod]
    public void KWinnersMask_OnLongRows_AgreesWithSorting()
    {
        var x = GradCheck.Random(5, -1f, 1f, 3, 500);
        var mask = x.KWinnersMask(37).ToArray();
        var values = x.ToArray();
        for (int r = 0; r < 3; r++)
        {
            var row = values.AsSpan(r * 500, 500).ToArray();
            float threshold = row.OrderByDescending(v => v).ElementAt(36);
            for (int j = 0; j < 500; j++) Assert.AreEqual(row[j] >= threshold ? 1f : 0f, mask[r * 500 + j]);
        }
    }

    [TestMethod]
    public void SparseWeightMask_AppliedInPlace_ZeroesPrunedWeights()
    {
        var w = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2).RequireGrad();
        using (Autograd.NoGrad()) w.MulInPlace(Tensor.FromArray([1f, 0f, 0f, 1f], 2, 2));
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f, 4f }, w.ToArray());
        Assert.ThrowsExactly<InvalidOperationException>(() => w.MulInPlace(2f));
    }
}
