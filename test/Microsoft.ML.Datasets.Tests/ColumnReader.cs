namespace Microsoft.ML.Datasets.Tests;

/// <summary>Reads whole columns of a view through a cursor, as a trainer would.</summary>
internal static class ColumnReader
{
    public static T[] Read<T>(IDataView view, string name) => Read<T, T>(view, name, v => v);

    private static TOut[] Read<T, TOut>(IDataView view, string name, Func<T, TOut> copy)
    {
        var column = view.Schema[name];
        var values = new List<TOut>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(copy(value));
        }
        return values.ToArray();
    }

    /// <summary>Vector rows, copied: getters reuse the buffer they are given.</summary>
    public static T[][] ReadVectors<T>(IDataView view, string name) =>
        Read<Microsoft.ML.Data.VBuffer<T>, T[]>(view, name, v => v.DenseValues().ToArray());

    public static string[] ReadText(IDataView view, string name) =>
        Read<ReadOnlyMemory<char>>(view, name).Select(m => m.ToString()).ToArray();

    public static string[] ColumnNames(IDataView view) => view.Schema.Select(c => c.Name).ToArray();
}
