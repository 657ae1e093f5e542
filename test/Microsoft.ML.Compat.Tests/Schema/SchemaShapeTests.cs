using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Schema;

[TestClass]
public sealed class SchemaShapeTests
{
    private static SchemaShape Shape()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Hidden", NumberDataViewType.Single);
        builder.AddColumn("Label", new KeyDataViewType(typeof(uint), 3), ArrayDataViewBuilder.KeyValuesAnnotation(new[] { "a", "b", "c" }));
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 4));
        builder.AddColumn("Tokens", new VectorDataViewType(TextDataViewType.Instance));
        builder.AddColumn("Hidden", TextDataViewType.Instance);
        return SchemaShape.Create(builder.ToSchema());
    }

    [TestMethod]
    public void Create_SkipsHiddenColumnsAndDescribesKeysByTheirRawType()
    {
        var shape = Shape();
        CollectionAssert.AreEqual(new[] { "Label", "Features", "Tokens", "Hidden" }, shape.Select(c => c.Name).ToArray());
        Assert.IsTrue(shape.TryFindColumn("Label", out var label));
        Assert.IsTrue(label.IsKey);
        Assert.AreEqual(NumberDataViewType.UInt32, label.ItemType);
        Assert.AreEqual(SchemaShape.Column.VectorKind.Scalar, label.Kind);
        Assert.IsTrue(label.Annotations.TryFindColumn("KeyValues", out _));
    }

    [TestMethod]
    public void GetTypeString_FollowsMlNetSpelling()
    {
        var shape = Shape();
        Assert.AreEqual("Key<UInt32>", shape[0].GetTypeString());
        Assert.AreEqual("Vector<Single>", shape[1].GetTypeString());
        Assert.AreEqual("VarVector<String>", shape[2].GetTypeString());
        Assert.AreEqual("String", shape[3].GetTypeString());
    }

    [TestMethod]
    public void IsCompatibleWith_RequiresSameKindTypeKeynessAndAnnotations()
    {
        var shape = Shape();
        var wantKey = new SchemaShape.Column("Label", SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, true);
        Assert.IsTrue(wantKey.IsCompatibleWith(shape[0]));
        Assert.IsFalse(wantKey.IsCompatibleWith(shape[3]));
        var wantVector = new SchemaShape.Column("Features", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false);
        Assert.IsTrue(wantVector.IsCompatibleWith(shape[1]));
        Assert.IsFalse(wantVector.IsCompatibleWith(shape[2]));
        var wantSlotNames = new SchemaShape.Column("Features", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false,
            new SchemaShape(new[] { new SchemaShape.Column("SlotNames", SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false) }));
        Assert.IsFalse(wantSlotNames.IsCompatibleWith(shape[1]));
        Assert.IsFalse(default(SchemaShape.Column).IsValid);
    }

    [TestMethod]
    public void Column_RejectsKeyOrVectorItemTypes()
    {
        Assert.ThrowsExactly<ArgumentException>(() =>
            new SchemaShape.Column("X", SchemaShape.Column.VectorKind.Scalar, new KeyDataViewType(typeof(uint), 2), true));
    }
}
