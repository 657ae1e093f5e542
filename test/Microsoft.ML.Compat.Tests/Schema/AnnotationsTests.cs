using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Schema;

[TestClass]
public sealed class AnnotationsTests
{
    private static DataViewSchema.Column ColumnWith(DataViewSchema.Annotations annotations)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Score", new VectorDataViewType(NumberDataViewType.Single, 2), annotations);
        return builder.ToSchema()["Score"];
    }

    private static DataViewSchema.Annotations SlotNamesAndKind()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        var names = new[] { "cat".AsMemory(), "dog".AsMemory() };
        builder.Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, 2),
            (ref VBuffer<ReadOnlyMemory<char>> value) => new VBuffer<ReadOnlyMemory<char>>(2, names).CopyTo(ref value));
        builder.AddPrimitiveValue(AnnotationUtils.Kinds.ScoreColumnKind, TextDataViewType.Instance, "MulticlassClassification".AsMemory());
        return builder.ToAnnotations();
    }

    [TestMethod]
    public void GetSlotNames_ReadsTheSlotNamesAnnotation()
    {
        var column = ColumnWith(SlotNamesAndKind());
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        CollectionAssert.AreEqual(new[] { "cat", "dog" }, names.DenseValues().Select(n => n.ToString()).ToArray());
        Assert.IsTrue(column.HasSlotNames(2));
        Assert.IsFalse(column.HasSlotNames(3));
    }

    [TestMethod]
    public void GetValue_OfAbsentKind_ThrowsNamingTheKind()
    {
        var column = ColumnWith(SlotNamesAndKind());
        VBuffer<uint> keys = default;
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => column.GetKeyValues(ref keys));
        StringAssert.Contains(error.Message, "KeyValues");
        Assert.IsFalse(column.HasKeyValues());
    }

    [TestMethod]
    public void GetGetter_WithWrongType_Throws()
    {
        var annotations = SlotNamesAndKind();
        var kind = annotations.Schema[AnnotationUtils.Kinds.ScoreColumnKind];
        Assert.ThrowsExactly<InvalidOperationException>(() => annotations.GetGetter<string>(kind));
        ReadOnlyMemory<char> value = default;
        annotations.GetGetter<ReadOnlyMemory<char>>(kind)(ref value);
        Assert.AreEqual("MulticlassClassification", value.ToString());
    }

    [TestMethod]
    public void Builder_RejectsGetterOfTheWrongRawType()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        Assert.ThrowsExactly<ArgumentException>(() =>
            builder.Add("X", NumberDataViewType.Single, (ValueGetter<double>)((ref double v) => v = 1)));
        Assert.ThrowsExactly<ArgumentException>(() =>
            builder.Add("X", NumberDataViewType.Single, (Delegate)(ValueGetter<double>)((ref double v) => v = 1)));
    }

    [TestMethod]
    public void AddWithSelector_CopiesOnlySelectedKinds()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(SlotNamesAndKind(), kind => kind == AnnotationUtils.Kinds.SlotNames);
        var copy = builder.ToAnnotations();
        CollectionAssert.AreEqual(new[] { "SlotNames" }, copy.Schema.Select(c => c.Name).ToArray());
        Assert.AreSame(DataViewSchema.Annotations.Empty, new DataViewSchema.Annotations.Builder().ToAnnotations());
    }
}
