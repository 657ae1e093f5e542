using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Schema;

[TestClass]
public sealed class DataViewSchemaTests
{
    private static DataViewSchema ThreeColumnsWithDuplicate()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        builder.AddColumn("B", TextDataViewType.Instance);
        builder.AddColumn("A", BooleanDataViewType.Instance);
        return builder.ToSchema();
    }

    [TestMethod]
    public void Builder_WithDuplicateNames_HidesEarlierColumnsAndLooksUpTheLast()
    {
        var schema = ThreeColumnsWithDuplicate();
        Assert.AreEqual(3, schema.Count);
        Assert.IsTrue(schema[0].IsHidden);
        Assert.IsFalse(schema[2].IsHidden);
        Assert.AreEqual(2, schema["A"].Index);
        Assert.AreEqual(BooleanDataViewType.Instance, schema["A"].Type);
        Assert.AreEqual("3 columns", schema.ToString());
    }

    [TestMethod]
    public void Indexer_WithUnknownName_ThrowsColumnNotFound()
    {
        var schema = ThreeColumnsWithDuplicate();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => schema["Missing"]);
        StringAssert.Contains(error.Message, "Column 'Missing' not found");
        Assert.IsNull(schema.GetColumnOrNull("Missing"));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => schema[3]);
    }

    [TestMethod]
    public void Columns_DefaultToEmptyAnnotationsAndPrintNameTypeAndKinds()
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.AddPrimitiveValue("IsNormalized", BooleanDataViewType.Instance, true);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("X", NumberDataViewType.Single);
        builder.AddColumn("Y", new VectorDataViewType(NumberDataViewType.Single, 2), annotations.ToAnnotations());
        var schema = builder.ToSchema();

        Assert.AreSame(DataViewSchema.Annotations.Empty, schema["X"].Annotations);
        Assert.AreEqual("X: Single", schema["X"].ToString());
        Assert.AreEqual("Y: Vector<Single, 2> {IsNormalized}", schema["Y"].ToString());
        Assert.IsTrue(schema["Y"].IsNormalized());
    }

    [TestMethod]
    public void AddColumns_CopiesColumnsAndDetachedColumns()
    {
        var source = ThreeColumnsWithDuplicate();
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(source);
        builder.AddColumns(new[] { new DataViewSchema.DetachedColumn("C", NumberDataViewType.Double) });
        var schema = builder.ToSchema();
        CollectionAssert.AreEqual(new[] { "A", "B", "A", "C" }, schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(NumberDataViewType.Double, schema["C"].Type);
    }
}
