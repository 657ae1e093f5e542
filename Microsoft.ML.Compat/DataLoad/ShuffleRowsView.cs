namespace Microsoft.ML.Data;

/// <summary>
/// ML.NET's pool shuffle: rows stream through a pool of <c>poolSize</c> rows and each step emits a random row of
/// the pool, replacing it with the next source row. When the source can shuffle itself it is asked to as well,
/// so the whole order is random, not just local. A cursor opened without its own random source uses one seeded
/// from the view's seed, so every such cursor sees the same order.
/// </summary>
internal sealed class ShuffleRowsView : PassThroughView
{
    private readonly int _seed;
    private readonly int _poolSize;
    private readonly bool _shuffleSource;

    public ShuffleRowsView(IDataView source, int seed, int poolSize, bool shuffleSource) : base(source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(poolSize);
        if (poolSize <= 1 && !(shuffleSource && source.CanShuffle))
            throw new ArgumentException(
                "ShuffleRows needs a shuffle pool of more than 1 row, or shuffleSource with a source that can shuffle.", nameof(poolSize));
        _seed = seed;
        _poolSize = poolSize;
        _shuffleSource = shuffleSource;
    }

    public override bool CanShuffle => true;
    public override long? GetRowCount() => Source.GetRowCount();

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var random = rand ?? new Random(_seed);
        var sourceRandom = _shuffleSource && Source.CanShuffle ? new Random(random.Next()) : null;
        var columns = columnsNeeded.ToArray();
        var input = Source.GetRowCursor(columns, sourceRandom);
        return _poolSize <= 1 ? input : new PoolCursor(input, columns, _poolSize, random);
    }

    private sealed class PoolCursor : RowCursorBase
    {
        private readonly DataViewRowCursor _input;
        private readonly Random _random;
        private readonly int _outputSlot;
        private readonly ColumnSlots?[] _columns;
        private readonly ColumnSlots _ids;
        private int _pooled = -1;

        public PoolCursor(DataViewRowCursor input, DataViewSchema.Column[] active, int poolSize, Random random)
            : base(input.Schema, active)
        {
            _input = input;
            _random = random;
            _outputSlot = poolSize;
            _columns = new ColumnSlots?[input.Schema.Count];
            foreach (var column in active)
                _columns[column.Index] = ColumnSlots.Create(input, column);
            _ids = new ColumnSlots<DataViewRowId>(input.GetIdGetter());
        }

        protected override bool MoveNextCore()
        {
            if (_pooled < 0)
            {
                _pooled = 0;
                while (_pooled < _outputSlot && _input.MoveNext())
                    CaptureInto(_pooled++);
            }
            if (_pooled == 0)
                return false;

            int chosen = _random.Next(_pooled);
            SwapSlots(chosen, _outputSlot);
            if (_input.MoveNext())
                CaptureInto(chosen);
            else
                SwapSlots(chosen, --_pooled);
            return true;
        }

        private void CaptureInto(int slot)
        {
            foreach (var column in _columns)
                column?.Capture(slot);
            _ids.Capture(slot);
        }

        private void SwapSlots(int first, int second)
        {
            foreach (var column in _columns)
                column?.Swap(first, second);
            _ids.Swap(first, second);
        }

        /// <summary>The id of the source row now being shown.</summary>
        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ValueGetter<DataViewRowId>)_ids.CreateGetter(() => _outputSlot);

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            (ValueGetter<TValue>)_columns[columnIndex]!.CreateGetter(() => _outputSlot);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _input.Dispose();
            base.Dispose(disposing);
        }
    }
}
