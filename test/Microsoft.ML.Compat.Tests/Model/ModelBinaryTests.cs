using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Model;

[TestClass]
public sealed class ModelBinaryTests
{
    [TestMethod]
    public void Schema_RoundTripsEveryTypeAndNestedAnnotations()
    {
        var inner = new DataViewSchema.Annotations.Builder();
        inner.AddPrimitiveValue("When", DateTimeDataViewType.Instance, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var outer = new DataViewSchema.Annotations.Builder();
        outer.AddPrimitiveValue("Offset", TimeSpanDataViewType.Instance, TimeSpan.FromMinutes(3), inner.ToAnnotations());
        outer.Add("Sparse", new VectorDataViewType(NumberDataViewType.Double, 4),
            (ref VBuffer<double> v) => new VBuffer<double>(4, 1, new[] { 2.5 }, new[] { 3 }).CopyTo(ref v));
        var builder = new DataViewSchema.Builder();
        int index = 0;
        foreach (var type in new DataViewType[]
                 {
                     NumberDataViewType.SByte, NumberDataViewType.UInt64, NumberDataViewType.Double, TextDataViewType.Instance,
                     BooleanDataViewType.Instance, DateTimeOffsetDataViewType.Instance, RowIdDataViewType.Instance,
                     new KeyDataViewType(typeof(ushort), 7), new VectorDataViewType(NumberDataViewType.Single, 2, 3),
                 })
        {
            builder.AddColumn($"C{index++}", type);
        }
        builder.AddColumn("Annotated", NumberDataViewType.Single, outer.ToAnnotations());
        var schema = builder.ToSchema();

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            writer.WriteSchema(schema);
        stream.Position = 0;
        var back = new BinaryReader(stream).ReadSchema();

        CollectionAssert.AreEqual(schema.Select(c => c.Type).ToArray(), back.Select(c => c.Type).ToArray());
        var annotations = back["Annotated"].Annotations;
        TimeSpan offset = default;
        annotations.GetValue("Offset", ref offset);
        Assert.AreEqual(TimeSpan.FromMinutes(3), offset);
        DateTime when = default;
        annotations.Schema["Offset"].Annotations.GetValue("When", ref when);
        Assert.AreEqual(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), when);
        VBuffer<double> sparse = default;
        annotations.GetValue("Sparse", ref sparse);
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 2.5 }, sparse.DenseValues().ToArray());
    }

    [TestMethod]
    public void Arrays_RoundTrip()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.WriteFloatArray(new[] { 1.5f, -2f });
            writer.WriteIntArray(new[] { 3, 4, 5 });
            writer.WriteStringArray(new[] { "a", "" });
        }
        stream.Position = 0;
        var reader = new BinaryReader(stream);
        CollectionAssert.AreEqual(new[] { 1.5f, -2f }, reader.ReadFloatArray());
        CollectionAssert.AreEqual(new[] { 3, 4, 5 }, reader.ReadIntArray());
        CollectionAssert.AreEqual(new[] { "a", "" }, reader.ReadStringArray());
    }
}
