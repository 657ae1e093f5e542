namespace Microsoft.ML;

/// <summary>
/// A lazily evaluated table: a schema plus the ability to open cursors over its rows. Only the columns
/// requested when opening a cursor are active (computed); asking for another column's getter throws.
/// </summary>
public interface IDataView
{
    /// <summary>True when <see cref="GetRowCursor"/> honours a non-null <c>rand</c> (shuffled order).</summary>
    bool CanShuffle { get; }

    DataViewSchema Schema { get; }

    /// <summary>The number of rows when known cheaply; null otherwise.</summary>
    long? GetRowCount();

    /// <summary>Opens a cursor with the given columns active; a non-null <paramref name="rand"/> asks for shuffled order.</summary>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);

    /// <summary>Opens up to <paramref name="n"/> cursors that together visit every row once (for parallel reading).
    /// <paramref name="n"/> is a hint; an implementation may return a single cursor.</summary>
    DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null);
}
