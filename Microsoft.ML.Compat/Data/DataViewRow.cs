using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>One row of a data view with typed getters for its active columns.</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>0-based position within this cursor; -1 before the first row and after the last.</summary>
    public abstract long Position { get; }

    /// <summary>Identifies the cursor of a cursor set this row came from (usually 0).</summary>
    public abstract long Batch { get; }

    public abstract DataViewSchema Schema { get; }

    /// <summary>A getter of a unique id of the current row.</summary>
    public abstract ValueGetter<DataViewRowId> GetIdGetter();

    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>The getter of an active column; throws when the column is inactive or
    /// <typeparamref name="TValue"/> is not the column type's raw type.</summary>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}

/// <summary>A row that moves forward through a data view.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Advances to the next row; false once the rows are exhausted.</summary>
    public abstract bool MoveNext();
}
