using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Data;

[TestClass]
public sealed class ColumnAttributeTests
{
    [TestMethod]
    public void LoadColumn_RecordsSingleFieldsRangesAndLists()
    {
        CollectionAssert.AreEqual(new[] { (2, 2) }, new LoadColumnAttribute(2).Sources.ToArray());
        CollectionAssert.AreEqual(new[] { (1, 784) }, new LoadColumnAttribute(1, 784).Sources.ToArray());
        CollectionAssert.AreEqual(new[] { (0, 0), (3, 3) }, new LoadColumnAttribute(new[] { 0, 3 }).Sources.ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LoadColumnAttribute(3, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LoadColumnAttribute(-1));
        Assert.ThrowsExactly<ArgumentException>(() => new LoadColumnAttribute(Array.Empty<int>()));
    }

    [TestMethod]
    public void VectorAndKeyAttributes_ValidateTheirArguments()
    {
        Assert.AreEqual(784, new VectorTypeAttribute(28, 28).Size);
        Assert.AreEqual(0, new VectorTypeAttribute().Size);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VectorTypeAttribute(0));
        Assert.AreEqual(10UL, new KeyTypeAttribute(10).Count);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyTypeAttribute(0));
        Assert.ThrowsExactly<ArgumentException>(() => new ColumnNameAttribute(""));
    }

    public sealed class Image
    {
        [VectorType(2, 3)]
        public float[] Pixels { get; set; } = new float[6];

        public ReadOnlyMemory<char> Caption { get; set; }
        public VBuffer<float> Embedding { get; set; }
    }

    public sealed class BadKey
    {
        [KeyType(3)]
        public int Key { get; set; }
    }

    [TestMethod]
    public void MultiDimensionalVectorsMemoryTextAndVBufferMembers_MapToColumns()
    {
        var ml = new MLContext();
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new Image { Caption = "x".AsMemory(), Embedding = new VBuffer<float>(3, 1, new[] { 2f }, new[] { 1 }) },
        });
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2, 3), view.Schema["Pixels"].Type);
        Assert.AreEqual(TextDataViewType.Instance, view.Schema["Caption"].Type);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), view.Schema["Embedding"].Type);
        var back = ml.Data.CreateEnumerable<Image>(view, reuseRowObject: false).Single();
        Assert.AreEqual("x", back.Caption.ToString());
        CollectionAssert.AreEqual(new[] { 0f, 2f, 0f }, back.Embedding.DenseValues().ToArray());
    }

    [TestMethod]
    public void KeyTypeOnSignedMember_IsRejectedNamingTheMember()
    {
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => new MLContext().Data.LoadFromEnumerable(new[] { new BadKey() }));
        StringAssert.Contains(error.Message, "BadKey.Key: [KeyType] needs a byte, ushort, uint or ulong member");
    }

    [TestMethod]
    public void DataViewRowId_OrdersByHighThenLow()
    {
        var a = new DataViewRowId(5, 0);
        var b = new DataViewRowId(1, 1);
        Assert.IsTrue(a.CompareTo(b) < 0);
        Assert.IsTrue(a == new DataViewRowId(5, 0));
        Assert.IsTrue(a != b);
        Assert.AreEqual("5", a.ToString());
        Assert.AreEqual("1:1", b.ToString());
    }
}
