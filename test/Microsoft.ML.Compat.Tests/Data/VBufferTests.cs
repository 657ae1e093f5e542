using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Data;

[TestClass]
public sealed class VBufferTests
{
    private static VBuffer<float> Sparse() => new(5, 2, new[] { 7f, 9f }, new[] { 1, 3 });

    [TestMethod]
    public void Dense_ExposesAllValuesAndNoIndices()
    {
        var dense = new VBuffer<float>(3, new[] { 1f, 2f, 3f, 99f });
        Assert.IsTrue(dense.IsDense);
        Assert.AreEqual(3, dense.Length);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, dense.GetValues().ToArray());
        Assert.AreEqual(0, dense.GetIndices().Length);
        Assert.AreEqual(2f, dense.GetItemOrDefault(1));
    }

    [TestMethod]
    public void Sparse_AbsentSlotsReadAsDefault()
    {
        var sparse = Sparse();
        Assert.IsFalse(sparse.IsDense);
        CollectionAssert.AreEqual(new[] { 0f, 7f, 0f, 9f, 0f }, sparse.DenseValues().ToArray());
        Assert.AreEqual(0f, sparse.GetItemOrDefault(4));
        Assert.AreEqual(9f, sparse.GetItemOrDefault(3));
        CollectionAssert.AreEqual(new[] { 1, 3 }, sparse.Items().Select(p => p.Key).ToArray());
        Assert.AreEqual(5, sparse.Items(all: true).Count());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sparse.GetItemOrDefault(5));
    }

    [TestMethod]
    public void CopyToDense_FillsGapsAndCopyToSpanClearsThem()
    {
        VBuffer<float> dense = default;
        Sparse().CopyToDense(ref dense);
        Assert.IsTrue(dense.IsDense);
        CollectionAssert.AreEqual(new[] { 0f, 7f, 0f, 9f, 0f }, dense.GetValues().ToArray());

        var span = new[] { 5f, 5f, 5f, 5f, 5f, 5f };
        Sparse().CopyTo(span);
        CollectionAssert.AreEqual(new[] { 0f, 7f, 0f, 9f, 0f, 5f }, span);
        Assert.ThrowsExactly<ArgumentException>(() => Sparse().CopyTo(new float[4]));
    }

    [TestMethod]
    public void CopyTo_KeepsSparsityAndReusesDestinationArrays()
    {
        VBuffer<float> copy = default;
        Sparse().CopyTo(ref copy);
        CollectionAssert.AreEqual(new[] { 1, 3 }, copy.GetIndices().ToArray());
        var editor = VBufferEditor.Create(ref copy, 5, 2);
        Assert.IsFalse(editor.CreatedNewValues);
        Assert.IsFalse(editor.CreatedNewIndices);
        var grown = VBufferEditor.Create(ref copy, 5, 3);
        Assert.IsTrue(grown.CreatedNewValues);
    }

    [TestMethod]
    public void Constructor_RejectsUnsortedOrOutOfRangeIndicesAndShortArrays()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new VBuffer<float>(5, 2, new[] { 1f, 2f }, new[] { 3, 1 }));
        Assert.ThrowsExactly<ArgumentException>(() => new VBuffer<float>(5, 2, new[] { 1f, 2f }, new[] { 1, 5 }));
        Assert.ThrowsExactly<ArgumentException>(() => new VBuffer<float>(3, new[] { 1f }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VBuffer<float>(3, 4, new float[4], null));
    }

    [TestMethod]
    public void Editor_CommitsWrittenValuesAndTruncates()
    {
        VBuffer<int> buffer = default;
        var editor = VBufferEditor.Create(ref buffer, 4, 2);
        editor.Values[0] = 10;
        editor.Values[1] = 20;
        editor.Indices[0] = 0;
        editor.Indices[1] = 2;
        buffer = editor.Commit();
        CollectionAssert.AreEqual(new[] { 10, 0, 20, 0 }, buffer.DenseValues().ToArray());
        var truncated = VBufferEditor.CreateFromBuffer(ref buffer).CommitTruncated(1);
        CollectionAssert.AreEqual(new[] { 10, 0, 0, 0 }, truncated.DenseValues().ToArray());
    }

    [TestMethod]
    public void Default_IsAnEmptyDenseVector()
    {
        var empty = default(VBuffer<double>);
        Assert.AreEqual(0, empty.Length);
        Assert.IsTrue(empty.IsDense);
        Assert.AreEqual(0, empty.DenseValues().Count());
    }
}
