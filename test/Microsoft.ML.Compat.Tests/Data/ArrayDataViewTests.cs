using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Data;

[TestClass]
public sealed class ArrayDataViewTests
{
    private static IDataView AllTypes()
    {
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        return new ArrayDataViewBuilder()
            .AddColumn("SByte", NumberDataViewType.SByte, (sbyte)-1, (sbyte)2)
            .AddColumn("Byte", NumberDataViewType.Byte, (byte)1, (byte)255)
            .AddColumn("Int16", NumberDataViewType.Int16, (short)-3, (short)4)
            .AddColumn("UInt16", NumberDataViewType.UInt16, (ushort)5, (ushort)6)
            .AddColumn("Int32", NumberDataViewType.Int32, -7, 8)
            .AddColumn("UInt32", NumberDataViewType.UInt32, 9u, 10u)
            .AddColumn("Int64", NumberDataViewType.Int64, -11L, 12L)
            .AddColumn("UInt64", NumberDataViewType.UInt64, 13UL, 14UL)
            .AddColumn("Single", NumberDataViewType.Single, 1.5f, float.NaN)
            .AddColumn("Double", NumberDataViewType.Double, 2.5, -0.25)
            .AddColumn("Bool", BooleanDataViewType.Instance, true, false)
            .AddColumn("Text", "hello", "")
            .AddColumn("DateTime", DateTimeDataViewType.Instance, when, when.AddDays(1))
            .AddColumn("DateTimeOffset", DateTimeOffsetDataViewType.Instance, new DateTimeOffset(when), new DateTimeOffset(when).AddHours(2))
            .AddColumn("TimeSpan", TimeSpanDataViewType.Instance, TimeSpan.FromSeconds(3), TimeSpan.Zero)
            .AddColumn("RowId", RowIdDataViewType.Instance, new DataViewRowId(1, 2), new DataViewRowId(3, 4))
            .AddKeyColumn("Key", new[] { "x", "y" }, 2u, 0u)
            .AddColumn("Vector", NumberDataViewType.Single, 2, new[] { 1f, 2f, 3f, 4f })
            .AddColumn("Jagged", NumberDataViewType.Double, new[] { 1.0 }, new[] { 2.0, 3.0 })
            .AddColumn("Sparse", new VectorDataViewType(NumberDataViewType.Single, 3),
                new VBuffer<float>(3, 1, new[] { 5f }, new[] { 2 }), new VBuffer<float>(3, new[] { 1f, 1f, 1f }))
            .GetDataView();
    }

    private static T[] Read<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor(column);
        var getter = cursor.GetGetter<T>(column);
        var values = new List<T>();
        while (cursor.MoveNext())
        {
            T value = default!;
            getter(ref value);
            values.Add(value);
        }
        return values.ToArray();
    }

    [TestMethod]
    public void Getters_ReturnTheStoredValuesForEveryScalarType()
    {
        var view = AllTypes();
        CollectionAssert.AreEqual(new sbyte[] { -1, 2 }, Read<sbyte>(view, "SByte"));
        CollectionAssert.AreEqual(new byte[] { 1, 255 }, Read<byte>(view, "Byte"));
        CollectionAssert.AreEqual(new short[] { -3, 4 }, Read<short>(view, "Int16"));
        CollectionAssert.AreEqual(new ushort[] { 5, 6 }, Read<ushort>(view, "UInt16"));
        CollectionAssert.AreEqual(new[] { -7, 8 }, Read<int>(view, "Int32"));
        CollectionAssert.AreEqual(new[] { 9u, 10u }, Read<uint>(view, "UInt32"));
        CollectionAssert.AreEqual(new[] { -11L, 12L }, Read<long>(view, "Int64"));
        CollectionAssert.AreEqual(new[] { 13UL, 14UL }, Read<ulong>(view, "UInt64"));
        CollectionAssert.AreEqual(new[] { 1.5f, float.NaN }, Read<float>(view, "Single"));
        CollectionAssert.AreEqual(new[] { 2.5, -0.25 }, Read<double>(view, "Double"));
        CollectionAssert.AreEqual(new[] { true, false }, Read<bool>(view, "Bool"));
        CollectionAssert.AreEqual(new[] { "hello", "" }, Read<ReadOnlyMemory<char>>(view, "Text").Select(t => t.ToString()).ToArray());
        Assert.AreEqual(new DateTime(2024, 5, 7, 7, 8, 9, DateTimeKind.Utc), Read<DateTime>(view, "DateTime")[1]);
        Assert.AreEqual(TimeSpan.FromHours(2), Read<DateTimeOffset>(view, "DateTimeOffset")[1] - Read<DateTimeOffset>(view, "DateTimeOffset")[0]);
        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(3), TimeSpan.Zero }, Read<TimeSpan>(view, "TimeSpan"));
        CollectionAssert.AreEqual(new[] { new DataViewRowId(1, 2), new DataViewRowId(3, 4) }, Read<DataViewRowId>(view, "RowId"));
        CollectionAssert.AreEqual(new[] { 2u, 0u }, Read<uint>(view, "Key"));
    }

    [TestMethod]
    public void Getters_ReturnVectorsDenseJaggedAndSparse()
    {
        var view = AllTypes();
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2), view.Schema["Vector"].Type);
        var vectors = Read<VBuffer<float>>(view, "Vector");
        CollectionAssert.AreEqual(new[] { 3f, 4f }, vectors[1].DenseValues().ToArray());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Double), view.Schema["Jagged"].Type);
        CollectionAssert.AreEqual(new[] { 2.0, 3.0 }, Read<VBuffer<double>>(view, "Jagged")[1].DenseValues().ToArray());
        var sparse = Read<VBuffer<float>>(view, "Sparse");
        Assert.IsFalse(sparse[0].IsDense);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 5f }, sparse[0].DenseValues().ToArray());
    }

    [TestMethod]
    public void KeyColumn_CarriesKeyValues()
    {
        var key = AllTypes().Schema["Key"];
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 2), key.Type);
        VBuffer<ReadOnlyMemory<char>> values = default;
        key.GetKeyValues(ref values);
        CollectionAssert.AreEqual(new[] { "x", "y" }, values.DenseValues().Select(v => v.ToString()).ToArray());
    }

    [TestMethod]
    public void Getter_OfInactiveColumn_Throws()
    {
        var view = AllTypes();
        using var cursor = view.GetRowCursor(view.Schema["Int32"]);
        Assert.IsTrue(cursor.IsColumnActive(view.Schema["Int32"]));
        Assert.IsFalse(cursor.IsColumnActive(view.Schema["Text"]));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["Text"]));
        StringAssert.Contains(error.Message, "'Text' is not active");
    }

    [TestMethod]
    public void Getter_WithWrongValueType_Throws()
    {
        var view = AllTypes();
        using var cursor = view.GetRowCursor(view.Schema["Text"], view.Schema["Single"]);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<string>(view.Schema["Text"]));
        StringAssert.Contains(error.Message, "Invalid TValue 'String'");
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<double>(view.Schema["Single"]));
    }

    [TestMethod]
    public void Cursor_PositionIsMinusOneOutsideTheRows()
    {
        var view = AllTypes();
        using var cursor = view.GetRowCursor();
        Assert.AreEqual(-1, cursor.Position);
        Assert.IsTrue(cursor.MoveNext());
        Assert.AreEqual(0, cursor.Position);
        Assert.IsTrue(cursor.MoveNext());
        Assert.AreEqual(1, cursor.Position);
        Assert.IsFalse(cursor.MoveNext());
        Assert.AreEqual(-1, cursor.Position);
        Assert.IsFalse(cursor.MoveNext());
        Assert.AreEqual(2L, view.GetRowCount());
    }

    [TestMethod]
    public void ShuffledCursor_IsASeededPermutation()
    {
        var view = new ArrayDataViewBuilder().AddColumn("I", NumberDataViewType.Int32, Enumerable.Range(0, 50).ToArray()).GetDataView();
        int[] ReadShuffled(int seed)
        {
            using var cursor = view.GetRowCursor(view.Schema, new Random(seed));
            var getter = cursor.GetGetter<int>(view.Schema["I"]);
            var ids = cursor.GetIdGetter();
            var values = new List<int>();
            int value = 0;
            DataViewRowId id = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                ids(ref id);
                Assert.AreEqual((ulong)value, id.Low, "the row id is the source row");
                values.Add(value);
            }
            return values.ToArray();
        }
        var first = ReadShuffled(1);
        CollectionAssert.AreEqual(first, ReadShuffled(1));
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 50).ToArray(), first);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 50).ToArray(), first);
    }

    [TestMethod]
    public void CursorSet_VisitsEveryRowExactlyOnce()
    {
        var view = new ArrayDataViewBuilder().AddColumn("I", NumberDataViewType.Int32, Enumerable.Range(0, 10).ToArray()).GetDataView();
        var cursors = view.GetRowCursorSet(view.Schema, 3);
        Assert.AreEqual(3, cursors.Length);
        var seen = new List<int>();
        foreach (var cursor in cursors)
        {
            using (cursor)
            {
                var getter = cursor.GetGetter<int>(view.Schema["I"]);
                int value = 0;
                while (cursor.MoveNext())
                {
                    getter(ref value);
                    seen.Add(value);
                }
            }
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).ToArray(), seen.ToArray());
        CollectionAssert.AreEqual(new[] { 0L, 1L, 2L }, cursors.Select(c => c.Batch).ToArray());
    }

    [TestMethod]
    public void Builder_RejectsColumnsOfDifferentLengthsAndMistypedValues()
    {
        var builder = new ArrayDataViewBuilder().AddColumn("A", NumberDataViewType.Int32, 1, 2).AddColumn("B", NumberDataViewType.Int32, 1);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => builder.GetDataView());
        StringAssert.Contains(error.Message, "'B' has 1 rows");
        Assert.ThrowsExactly<ArgumentException>(() => new ArrayDataViewBuilder().AddColumn("A", NumberDataViewType.Single, 1.0, 2.0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ArrayDataViewBuilder().AddKeyColumn("K", new[] { "a" }, 2u));
    }
}
