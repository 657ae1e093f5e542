using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

/// <summary>Forward values of views, reductions and functions, pinned with hand-computed numbers.</summary>
[TestClass]
public sealed class ViewAndValueTests
{
    private static readonly Tensor Six = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);

    [TestMethod]
    public void Transpose_IsAViewWithSwappedStrides()
    {
        var t = Six.T();
        Assert.IsTrue(t.SharesStorageWith(Six));
        Assert.IsFalse(t.IsContiguous);
        CollectionAssert.AreEqual(new[] { 1f, 4f, 2f, 5f, 3f, 6f }, t.ToArray());
        Assert.AreEqual(6f, t[2, 1]);
    }

    [TestMethod]
    public void Reshape_OfContiguous_SharesStorage_OfTransposed_Copies()
    {
        Assert.IsTrue(Six.Reshape(3, -1).SharesStorageWith(Six));
        var r = Six.T().Reshape(6);
        Assert.IsFalse(r.SharesStorageWith(Six));
        CollectionAssert.AreEqual(new[] { 1f, 4f, 2f, 5f, 3f, 6f }, r.ToArray());
    }

    [TestMethod]
    public void Reshape_ToTheWrongCount_NamesBothShapes()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Six.Reshape(4, 2));
        StringAssert.Contains(ex.Message, "[4, 2]");
        StringAssert.Contains(ex.Message, "6");
    }

    [TestMethod]
    public void SliceSelectPermute_ReadTheRightElements()
    {
        CollectionAssert.AreEqual(new[] { 1f, 3f, 4f, 6f }, Six.Slice(1, 0, 3, 2).ToArray());
        CollectionAssert.AreEqual(new[] { 2f, 5f }, Six.Select(1, -2).ToArray());
        var cube = Tensor.Arange(24).Reshape(2, 3, 4);
        var p = cube.Permute(2, 0, 1);
        CollectionAssert.AreEqual(new[] { 4, 2, 3 }, p.Shape.ToArray());
        Assert.AreEqual(cube[1, 2, 3], p[3, 1, 2]);
    }

    [TestMethod]
    public void Expand_BroadcastsWithoutCopying()
    {
        var e = Tensor.FromArray([1f, 2f], 2, 1).Expand(2, 3);
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f, 2f, 2f, 2f }, e.ToArray());
    }

    [TestMethod]
    public void Reductions_GiveHandComputedValues()
    {
        Assert.AreEqual(21f, Six.Sum().Item());
        CollectionAssert.AreEqual(new[] { 5f, 7f, 9f }, Six.Sum(0).ToArray());
        CollectionAssert.AreEqual(new[] { 2f, 5f }, Six.Mean(1).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1 }, Six.Mean(1, keepDim: true).Shape.ToArray());
        var (values, indices) = Tensor.FromArray([3f, 9f, 9f, 1f], 2, 2).Max(0);
        CollectionAssert.AreEqual(new[] { 9f, 9f }, values.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 0 }, indices);
        CollectionAssert.AreEqual(new[] { 2, 2 }, Six.ArgMax(1));
    }

    [TestMethod]
    public void Softmax_IsStableForLargeInputs()
    {
        // 1000 + log 3 rounds to a float with spacing 6e-5, hence the 1e-4 tolerance.
        var y = Tensor.FromArray([1000f, 1000f + MathF.Log(3f)]).Softmax();
        CollectionAssert.AreEqual(new[] { 0.25f, 0.75f }, y.ToArray(), new ToleranceComparer(1e-4f));
        var l = Tensor.FromArray([-1000f, 0f]).LogSoftmax().ToArray();
        Assert.AreEqual(-1000f, l[0], 1e-3f);
        Assert.AreEqual(0f, l[1], 1e-6f);
    }

    [TestMethod]
    public void Gelu_UsesTheExactErf()
    {
        // GELU(1) = Φ(1) = 0.841344746; GELU(−1) = −(1 − Φ(1)) = −0.158655254.
        var y = Tensor.FromArray([1f, -1f, 0f]).Gelu().ToArray();
        Assert.AreEqual(0.841344746f, y[0], 1e-6f);
        Assert.AreEqual(-0.158655254f, y[1], 1e-6f);
        Assert.AreEqual(0f, y[2]);
    }

    [TestMethod]
    public void CrossEntropy_OfUniformScores_IsLogOfTheClassCount()
    {
        Assert.AreEqual(MathF.Log(4f), Tensor.Zeros(3, 4).CrossEntropy([0, 1, 3]).Item(), 1e-6f);
    }

    [TestMethod]
    public void CrossEntropy_WithClassWeights_IsTheWeightedMean()
    {
        // Row losses: log 2 each (two equal scores); weights 1 and 3 → (1·log2 + 3·log2)/4 = log 2.
        // Row 0 alone with weight 1 and the ignored row contributing nothing: log 2.
        var logits = Tensor.Zeros(2, 2);
        var weights = Tensor.FromArray([1f, 3f]);
        Assert.AreEqual(MathF.Log(2f), logits.CrossEntropy([0, 1], weights).Item(), 1e-6f);
        Assert.AreEqual(MathF.Log(2f), logits.CrossEntropy([0, -100]).Item(), 1e-6f);
        Assert.AreEqual(4f * MathF.Log(2f), logits.CrossEntropy([0, 1], weights, Reduction.Sum).Item(), 1e-6f);
    }

    [TestMethod]
    public void CrossEntropy_WithABadTarget_NamesIt()
    {
        var ex = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).CrossEntropy([0, 3]));
        StringAssert.Contains(ex.Message, "target 3 at position 1");
    }

    [TestMethod]
    public void MseLoss_IsTheMeanSquaredDifference()
    {
        Assert.AreEqual(2.5f, Tensor.FromArray([1f, 2f]).MseLoss(Tensor.FromArray([0f, 4f])).Item());
    }

    [TestMethod]
    public void Arange_And_Full_FillAsDocumented()
    {
        CollectionAssert.AreEqual(new[] { 1f, 1.5f, 2f, 2.5f }, Tensor.Arange(1f, 3f, 0.5f).ToArray());
        CollectionAssert.AreEqual(new[] { 7f, 7f }, Tensor.Full(7f, 2).ToArray());
    }
}
