namespace Microsoft.ML.Data;

/// <summary>A single row over one row object, moved to a new object (and position) for each prediction.</summary>
internal sealed class PocoRow<TRow> : DataViewRow where TRow : class
{
    private readonly PocoSchema<TRow> _poco;
    private readonly RowHolder<TRow> _holder = new();
    private readonly GetterCache _getters;
    private long _position = -1;

    public PocoRow(PocoSchema<TRow> poco)
    {
        _poco = poco;
        _getters = new GetterCache(poco.Schema, poco.Schema);
    }

    public override long Position => _position;
    public override long Batch => 0;
    public override DataViewSchema Schema => _poco.Schema;

    /// <summary>Makes <paramref name="row"/> the current row; the position advances so cached results are recomputed.</summary>
    public void MoveTo(TRow row)
    {
        _holder.Current = row ?? throw new ArgumentNullException(nameof(row));
        _position++;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

    public override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        _getters.Get(column, index => (ValueGetter<TValue>)_poco.Columns[index].MakeGetter(_holder));
}
