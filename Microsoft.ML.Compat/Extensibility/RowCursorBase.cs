namespace Microsoft.ML.Data;

/// <summary>
/// A base for cursors: tracks <see cref="DataViewRow.Position"/>, validates getter requests (inactive column,
/// wrong <c>TValue</c>, column of another schema) and creates each getter once per cursor.
/// </summary>
/// <example>
/// <code>
/// sealed class CountingCursor : RowCursorBase
/// {
///     private long _row = -1;
///     public CountingCursor(DataViewSchema schema, IEnumerable&lt;DataViewSchema.Column&gt; active) : base(schema, active) { }
///     protected override bool MoveNextCore() => ++_row &lt; 10;
///     protected override ValueGetter&lt;TValue&gt; CreateGetter&lt;TValue&gt;(int col) =>
///         (ValueGetter&lt;TValue&gt;)(Delegate)(ValueGetter&lt;long&gt;)((ref long v) => v = _row);
/// }
/// </code>
/// </example>
public abstract class RowCursorBase : DataViewRowCursor
{
    private readonly GetterCache _getters;
    private long _position = -1;
    private bool _done;

    protected RowCursorBase(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _getters = new GetterCache(schema, columnsNeeded);
    }

    public sealed override DataViewSchema Schema { get; }

    public sealed override long Position => _position;

    public override long Batch => 0;

    /// <summary>Advances the underlying source; return false when exhausted.</summary>
    protected abstract bool MoveNextCore();

    /// <summary>Creates the getter of an active column; <typeparamref name="TValue"/> has been checked to be the
    /// column's raw type. Called at most once per column per cursor.</summary>
    protected abstract ValueGetter<TValue> CreateGetter<TValue>(int columnIndex);

    /// <summary>An id of the current row that is stable across cursors (defaults to the position).</summary>
    protected virtual DataViewRowId CurrentRowId => new((ulong)_position, 0);

    public sealed override bool MoveNext()
    {
        if (_done)
            return false;
        if (MoveNextCore())
        {
            _position++;
            return true;
        }
        _done = true;
        _position = -1;
        return false;
    }

    public sealed override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsActive(column);

    public sealed override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        _getters.Get<TValue>(column, CreateGetter<TValue>);

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = CurrentRowId;
}
