namespace Microsoft.ML.Data;

/// <summary>
/// Keeps a view's rows in memory. Nothing is read until the first cursor opens; that cursor's request reads the
/// whole source once (every column, so later cursors may ask for any), and every cursor after it is served from
/// memory. The cache knows its row count and can shuffle.
/// </summary>
internal sealed class CacheDataView : PassThroughView
{
    private readonly object _fillLock = new();
    private ColumnSlots[]? _columns;
    private ColumnSlots? _ids;
    private int _rowCount;

    public CacheDataView(IDataView source) : base(source) { }

    public override bool CanShuffle => true;
    public override long? GetRowCount() => _columns is null ? Source.GetRowCount() : _rowCount;

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        Fill();
        var order = Enumerable.Range(0, _rowCount).ToArray();
        if (rand is not null)
            rand.Shuffle(order);
        return new Cursor(this, columnsNeeded, order);
    }

    private void Fill()
    {
        lock (_fillLock)
        {
            if (_columns is not null)
                return;
            using var cursor = Source.GetRowCursor(Source.Schema);
            var columns = Source.Schema.Select(c => ColumnSlots.Create(cursor, c)).ToArray();
            var ids = new ColumnSlots<DataViewRowId>(cursor.GetIdGetter());
            int rows = 0;
            while (cursor.MoveNext())
            {
                if (rows == int.MaxValue)
                    throw new InvalidOperationException("Cannot cache more than int.MaxValue rows.");
                foreach (var column in columns)
                    column.Capture(rows);
                ids.Capture(rows);
                rows++;
            }
            _rowCount = rows;
            _ids = ids;
            _columns = columns;
        }
    }

    private sealed class Cursor : RowCursorBase
    {
        private readonly CacheDataView _view;
        private readonly int[] _order;

        public Cursor(CacheDataView view, IEnumerable<DataViewSchema.Column> active, int[] order) : base(view.Schema, active)
        {
            _view = view;
            _order = order;
        }

        private int CurrentSlot() => Position >= 0
            ? _order[Position]
            : throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");

        protected override bool MoveNextCore() => Position + 1 < _order.Length;

        /// <summary>The id the source gave the row, so ids do not depend on the (possibly shuffled) order.</summary>
        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ValueGetter<DataViewRowId>)_view._ids!.CreateGetter(CurrentSlot);

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            (ValueGetter<TValue>)_view._columns![columnIndex].CreateGetter(CurrentSlot);
    }
}
