using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>Convenience methods on <see cref="IDataView"/>.</summary>
public static class DataViewExtensions
{
    private static readonly MethodInfo TextColumnMethod = typeof(DataViewExtensions).GetMethod(nameof(TextColumn), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ArrayColumnMethod = typeof(DataViewExtensions).GetMethod(nameof(ArrayColumn), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>A cursor with the given columns active (none when called without columns).</summary>
    public static DataViewRowCursor GetRowCursor(this IDataView data, params DataViewSchema.Column[] columnsNeeded)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.GetRowCursor(columnsNeeded);
    }

    /// <summary>The values of column <paramref name="columnName"/>; see <see cref="GetColumn{T}(IDataView, DataViewSchema.Column)"/>.</summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, string columnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.GetColumn<T>(data.Schema[columnName]);
    }

    /// <summary>
    /// The values of <paramref name="column"/>, lazily. <typeparamref name="T"/> is the raw type, or <c>string</c> for
    /// text, or an array (<c>float[]</c>, <c>string[]</c>, ...) for vectors (a new array per row).
    /// </summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, DataViewSchema.Column column)
    {
        ArgumentNullException.ThrowIfNull(data);
        var raw = column.Type.RawType;
        if (typeof(T) == raw)
            return RawColumn<T>(data, column);
        if (typeof(T) == typeof(string) && raw == typeof(ReadOnlyMemory<char>))
            return (IEnumerable<T>)TextColumn(data, column);
        if (typeof(T) == typeof(string[]) && column.Type is VectorDataViewType { ItemType: TextDataViewType })
            return (IEnumerable<T>)RawColumn<VBuffer<ReadOnlyMemory<char>>>(data, column).Select(v => v.DenseValues().Select(s => s.ToString()).ToArray());
        if (typeof(T).IsArray && column.Type is VectorDataViewType vector && vector.ItemType.RawType == typeof(T).GetElementType())
            return (IEnumerable<T>)ArrayColumnMethod.MakeGenericMethod(vector.ItemType.RawType).Invoke(null, new object[] { data, column })!;
        throw new InvalidOperationException($"Could not map column '{column.Name}' of type {column.Type} to {typeof(T).Name}.");
    }

    /// <summary>The first <paramref name="maxRows"/> rows with boxed values, for inspection in a debugger or test output.</summary>
    public static DataDebuggerPreview Preview(this IDataView data, int maxRows = 100)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        return new DataDebuggerPreview(data, maxRows);
    }

    private static IEnumerable<T> RawColumn<T>(IDataView data, DataViewSchema.Column column)
    {
        using var cursor = data.GetRowCursor(column);
        var getter = cursor.GetGetter<T>(column);
        while (cursor.MoveNext())
        {
            T value = default!;
            getter(ref value);
            yield return value;
        }
    }

    private static IEnumerable<string> TextColumn(IDataView data, DataViewSchema.Column column) =>
        RawColumn<ReadOnlyMemory<char>>(data, column).Select(v => v.ToString());

    private static IEnumerable<TItem[]> ArrayColumn<TItem>(IDataView data, DataViewSchema.Column column) =>
        RawColumn<VBuffer<TItem>>(data, column).Select(v => v.DenseValues().ToArray());
}
