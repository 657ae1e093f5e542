namespace Microsoft.ML.Data;

/// <summary>A view with its source's schema whose rows are a subset or reordering of the source's rows.</summary>
internal abstract class PassThroughView : IDataView
{
    protected PassThroughView(IDataView source)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    protected IDataView Source { get; }

    public DataViewSchema Schema => Source.Schema;
    public virtual bool CanShuffle => false;
    public virtual long? GetRowCount() => null;

    public abstract DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);

    /// <summary>Rows are produced in order by one cursor; <paramref name="n"/> is only a hint.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };
}
