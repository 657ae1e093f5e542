namespace Microsoft.ML.Data;

/// <summary>
/// A data view over an <see cref="IEnumerable{T}"/> of row objects, read lazily. Lists and arrays can be shuffled
/// and report their row count; other sequences are read once per cursor, in order.
/// </summary>
internal sealed class EnumerableDataView<TRow> : IDataView where TRow : class
{
    private readonly IEnumerable<TRow> _data;
    private readonly PocoSchema<TRow> _poco;

    public EnumerableDataView(IEnumerable<TRow> data, PocoSchema<TRow> poco)
    {
        _data = data;
        _poco = poco;
    }

    public bool CanShuffle => _data is IList<TRow>;
    public DataViewSchema Schema => _poco.Schema;

    public long? GetRowCount() => _data switch
    {
        ICollection<TRow> collection => collection.Count,
        IReadOnlyCollection<TRow> collection => collection.Count,
        _ => null,
    };

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded, Rows(rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    private IEnumerable<(TRow? row, long index)> Rows(Random? rand)
    {
        if (rand is not null && _data is IList<TRow> list)
        {
            var order = Enumerable.Range(0, list.Count).ToArray();
            rand.Shuffle(order);
            return order.Select(i => ((TRow?)list[i], (long)i));
        }
        return _data.Select((row, i) => ((TRow?)row, (long)i));
    }

    private sealed class Cursor : RowCursorBase
    {
        private readonly EnumerableDataView<TRow> _view;
        private readonly IEnumerator<(TRow? row, long index)> _rows;
        private readonly RowHolder<TRow> _holder = new();
        private long _index = -1;

        public Cursor(EnumerableDataView<TRow> view, IEnumerable<DataViewSchema.Column> columnsNeeded, IEnumerable<(TRow? row, long index)> rows)
            : base(view.Schema, columnsNeeded)
        {
            _view = view;
            _rows = rows.GetEnumerator();
        }

        protected override DataViewRowId CurrentRowId => new((ulong)_index, 0);

        protected override bool MoveNextCore()
        {
            if (!_rows.MoveNext())
                return false;
            var (row, index) = _rows.Current;
            _holder.Current = row ?? throw new InvalidOperationException($"Row {index} of the {typeof(TRow).Name} sequence is null.");
            _index = index;
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            (ValueGetter<TValue>)_view._poco.Columns[columnIndex].MakeGetter(_holder);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _rows.Dispose();
            base.Dispose(disposing);
        }
    }
}
