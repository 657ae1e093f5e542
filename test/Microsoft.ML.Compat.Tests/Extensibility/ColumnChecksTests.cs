using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Extensibility;

[TestClass]
public sealed class ColumnChecksTests
{
    private static DataViewSchema Schema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Text", TextDataViewType.Instance);
        return builder.ToSchema();
    }

    [TestMethod]
    public void FindColumn_OfMissingColumn_SaysColumnNotFound()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ColumnChecks.FindColumn(Schema(), "Features"));
        StringAssert.StartsWith(error.Message, "Column 'Features' not found");
        Assert.AreEqual("inputSchema", error.ParamName);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ColumnChecks.FindColumn(SchemaShape.Create(Schema()), "Features"));
    }

    [TestMethod]
    public void FindColumn_WithOtherType_SaysSchemaMismatchWithBothTypes()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ColumnChecks.FindColumn(Schema(), "Text", NumberDataViewType.Single));
        StringAssert.StartsWith(error.Message, "Schema mismatch for input column 'Text': expected Single, got String");
        Assert.AreEqual("Text", ColumnChecks.FindColumn(Schema(), "Text", TextDataViewType.Instance).Name);
    }

    [TestMethod]
    public void FindCompatibleColumn_UsesShapeTypeStringsAndTheRole()
    {
        var expected = new SchemaShape.Column("Text", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ColumnChecks.FindCompatibleColumn(SchemaShape.Create(Schema()), expected, "feature"));
        StringAssert.StartsWith(error.Message, "Schema mismatch for feature column 'Text': expected Vector<Single>, got String");
    }
}
