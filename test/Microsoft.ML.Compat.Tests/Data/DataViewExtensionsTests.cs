using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Data;

[TestClass]
public sealed class DataViewExtensionsTests
{
    private static IDataView View() => new ArrayDataViewBuilder()
        .AddColumn("X", NumberDataViewType.Single, 1f, 2f)
        .AddColumn("Name", "a", "b")
        .AddColumn("V", NumberDataViewType.Single, new[] { 1f, 2f }, new[] { 3f, 4f })
        .AddColumn("Words", new VectorDataViewType(TextDataViewType.Instance), new VBuffer<ReadOnlyMemory<char>>(1, new[] { "w".AsMemory() }), default)
        .GetDataView();

    [TestMethod]
    public void GetColumn_ReadsRawValuesStringsAndArrays()
    {
        var view = View();
        CollectionAssert.AreEqual(new[] { 1f, 2f }, view.GetColumn<float>("X").ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b" }, view.GetColumn<string>("Name").ToArray());
        CollectionAssert.AreEqual(new[] { 3f, 4f }, view.GetColumn<float[]>("V").Last());
        CollectionAssert.AreEqual(new[] { "w" }, view.GetColumn<string[]>("Words").First());
        Assert.AreEqual(2, view.GetColumn<VBuffer<float>>(view.Schema["V"]).Count());
        Assert.ThrowsExactly<InvalidOperationException>(() => view.GetColumn<int>("X"));
    }

    [TestMethod]
    public void Preview_BoxesTheFirstRows()
    {
        var preview = View().Preview(maxRows: 1);
        Assert.AreEqual(1, preview.RowView.Length);
        Assert.AreEqual(4, preview.ColumnView.Length);
        Assert.AreEqual(1f, preview.ColumnView[0].Values[0]);
        Assert.AreEqual("Name", preview.RowView[0].Values[1].Key);
        Assert.AreEqual("a", preview.RowView[0].Values[1].Value.ToString());
        StringAssert.StartsWith(preview.RowView[0].ToString(), "X: 1 | Name: a");
    }
}
