namespace Microsoft.ML.Data;

/// <summary>An in-memory data view over column arrays (see <see cref="ArrayDataViewBuilder"/>).</summary>
internal sealed class ArrayDataView : IDataView
{
    private readonly ArrayColumn[] _columns;
    private readonly int _rowCount;

    public ArrayDataView(DataViewSchema schema, ArrayColumn[] columns, int rowCount)
    {
        Schema = schema;
        _columns = columns;
        _rowCount = rowCount;
    }

    public bool CanShuffle => true;
    public DataViewSchema Schema { get; }
    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded, Order(rand), 0, _rowCount, batch: 0);

    /// <summary>Splits the rows into up to <paramref name="n"/> contiguous ranges of the (possibly shuffled) order.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var columns = columnsNeeded.ToArray();
        int parts = Math.Clamp(n, 1, Math.Max(1, _rowCount));
        var order = Order(rand);
        var cursors = new DataViewRowCursor[parts];
        for (int p = 0; p < parts; p++)
        {
            int start = (int)((long)_rowCount * p / parts);
            int end = (int)((long)_rowCount * (p + 1) / parts);
            cursors[p] = new Cursor(this, columns, order, start, end, batch: p);
        }
        return cursors;
    }

    private int[]? Order(Random? rand)
    {
        if (rand is null)
            return null;
        var order = Enumerable.Range(0, _rowCount).ToArray();
        rand.Shuffle(order);
        return order;
    }

    /// <summary>Visits rows <c>order[start..end)</c> (or <c>start..end</c> when unshuffled).</summary>
    internal sealed class Cursor : RowCursorBase
    {
        private readonly ArrayDataView _view;
        private readonly int[]? _order;
        private readonly int _end;
        private readonly long _batch;
        private int _next;

        public Cursor(ArrayDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded, int[]? order, int start, int end, long batch)
            : base(view.Schema, columnsNeeded)
        {
            _view = view;
            _order = order;
            _next = start;
            _end = end;
            _batch = batch;
            Row = -1;
        }

        /// <summary>The source row the cursor is on.</summary>
        public int Row { get; private set; }

        public override long Batch => _batch;

        protected override DataViewRowId CurrentRowId => new((ulong)Row, 0);

        protected override bool MoveNextCore()
        {
            if (_next >= _end)
                return false;
            Row = _order is null ? _next : _order[_next];
            _next++;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            (ValueGetter<TValue>)_view._columns[columnIndex].CreateGetter(this);
    }
}
