namespace Microsoft.ML.Data;

/// <summary>
/// The active-column bookkeeping shared by rows and cursors: validates getter requests (column of this schema,
/// active, <c>TValue</c> equal to the raw type) and creates each column's getter once.
/// </summary>
internal sealed class GetterCache
{
    private readonly DataViewSchema _schema;
    private readonly bool[] _active;
    private readonly Delegate?[] _getters;

    public GetterCache(DataViewSchema schema, bool[] active)
    {
        _schema = schema;
        _active = active;
        _getters = new Delegate?[schema.Count];
    }

    public GetterCache(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded)
        : this(schema, new bool[schema.Count])
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        foreach (var column in columnsNeeded)
        {
            CheckBelongs(column);
            _active[column.Index] = true;
        }
    }

    public bool IsActive(DataViewSchema.Column column)
    {
        CheckBelongs(column);
        return _active[column.Index];
    }

    public ValueGetter<TValue> Get<TValue>(DataViewSchema.Column column, Func<int, ValueGetter<TValue>> create)
    {
        CheckBelongs(column);
        if (!_active[column.Index])
            throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor; include it in the columns passed to GetRowCursor.");
        if (typeof(TValue) != column.Type.RawType)
            throw new InvalidOperationException(
                $"Invalid TValue '{typeof(TValue).Name}' for column '{column.Name}' of type {column.Type}: expected {column.Type.RawType.Name}.");
        return (ValueGetter<TValue>)(_getters[column.Index] ??= create(column.Index));
    }

    private void CheckBelongs(DataViewSchema.Column column)
    {
        if ((uint)column.Index >= (uint)_schema.Count || _schema[column.Index].Name != column.Name)
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' (index {column.Index}) is not part of this row's schema.");
    }
}
