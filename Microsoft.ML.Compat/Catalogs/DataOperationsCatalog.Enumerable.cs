using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// A lazy view over row objects. Public fields and properties become columns, named by [ColumnName] or the member
    /// name: numbers, bool, string (text), DateTime, TimeSpan, arrays (vectors; fixed size with [VectorType(n)]),
    /// VBuffer, and unsigned integers with [KeyType(count)] (keys). [NoColumn] members are skipped.
    /// </summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EnumerableDataView<TRow>(data, PocoSchema<TRow>.FromType());
    }

    /// <summary>A lazy view with exactly the columns (types and annotations) of <paramref name="schema"/>, read from the
    /// members of the same column name.</summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, DataViewSchema schema) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        return new EnumerableDataView<TRow>(data, PocoSchema<TRow>.FromSchema(schema));
    }

    /// <summary>
    /// The rows of <paramref name="data"/> as objects (lazily). Each member is filled from the column of the same
    /// name; a missing column throws "Column 'X' not found" unless <paramref name="ignoreMissingColumns"/>.
    /// With <paramref name="reuseRowObject"/> one object (and its arrays) is refilled for every row.
    /// </summary>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false)
        where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        var binder = new PocoBinder<TRow>(data.Schema, ignoreMissingColumns);
        return Enumerate(data, binder, reuseRowObject);
    }

    private static IEnumerable<TRow> Enumerate<TRow>(IDataView data, PocoBinder<TRow> binder, bool reuseRowObject) where TRow : class, new()
    {
        using var cursor = data.GetRowCursor(binder.Columns);
        var fill = binder.MakeFiller(cursor, reuseRowObject);
        var row = new TRow();
        while (cursor.MoveNext())
        {
            if (!reuseRowObject)
                row = new TRow();
            fill(row);
            yield return row;
        }
    }
}
