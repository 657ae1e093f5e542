namespace Microsoft.ML.Data;

/// <summary>
/// Cursor of a <see cref="BatchColumnMapper"/>'s view. Reads a batch of input rows ahead (buffering every input
/// column it needs, including pass-through ones, and the row ids), maps them in one call, then serves them in order.
/// </summary>
internal sealed class BatchMappedCursor : RowCursorBase
{
    private readonly BatchColumnMapper _mapper;
    private readonly DataViewRowCursor _input;
    private readonly ColumnBatch _batch;
    private readonly ColumnBuffer[] _inputBuffers;
    private readonly ValueGetter<DataViewRowId> _inputIds;
    private readonly DataViewRowId[] _ids;
    private readonly SlotPointer _pointer = new() { Slot = -1 };
    private long _rowsRead;

    public BatchMappedCursor(BatchColumnMapper mapper, DataViewRowCursor input, bool[] active)
        : base(mapper.OutputSchema, mapper.OutputSchema.Where(c => active[c.Index]))
    {
        _mapper = mapper;
        _input = input;
        int inputCount = mapper.InputSchema.Count;
        var inputs = mapper.InputSchema.Where(c => input.IsColumnActive(c));
        _batch = new ColumnBatch(mapper, input, inputs, i => active[inputCount + i], mapper.BatchSize);
        _inputBuffers = _batch.InputBuffers.ToArray();
        _inputIds = input.GetIdGetter();
        _ids = new DataViewRowId[mapper.BatchSize];
    }

    public override long Batch => _input.Batch;

    protected override DataViewRowId CurrentRowId => _ids[_pointer.Slot];

    protected override bool MoveNextCore()
    {
        if (_pointer.Slot + 1 < _batch.Count)
        {
            _pointer.Slot++;
            return true;
        }
        int count = 0;
        while (count < _batch.Capacity && _input.MoveNext())
        {
            foreach (var buffer in _inputBuffers)
                buffer.Fill(count);
            _inputIds(ref _ids[count]);
            count++;
        }
        _batch.Count = count;
        _batch.StartPosition = _rowsRead;
        _rowsRead += count;
        _pointer.Slot = 0;
        if (count == 0)
            return false;
        if (_batch.AnyOutputActive)
            _mapper.Map(_batch);
        return true;
    }

    protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex)
    {
        int inputCount = _mapper.InputSchema.Count;
        var buffer = columnIndex < inputCount ? _batch.GetInputBuffer(columnIndex) : _batch.GetOutputBuffer(columnIndex - inputCount);
        return ((ColumnBuffer<TValue>)buffer).Reader(_pointer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _input.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The row a <see cref="BatchColumnMapper"/> produces for the prediction engine: a batch of one row,
/// mapped again whenever the input row's position changes.</summary>
internal sealed class BatchMappedRow : DataViewRow
{
    private readonly BatchColumnMapper _mapper;
    private readonly DataViewRow _input;
    private readonly GetterCache _getters;
    private readonly ColumnBatch _batch;
    private readonly ColumnBuffer[] _inputBuffers;
    private readonly SlotPointer _pointer = new() { Slot = 0 };
    private long _mappedPosition = long.MinValue;

    public BatchMappedRow(BatchColumnMapper mapper, DataViewRow input, bool[] active)
    {
        _mapper = mapper;
        _input = input;
        _getters = new GetterCache(mapper.OutputSchema, active);
        int inputCount = mapper.InputSchema.Count;
        bool anyOutput = active.Skip(inputCount).Any(a => a);
        var dependencies = anyOutput ? mapper.GetDependencies(i => active[inputCount + i]).ToArray() : Array.Empty<DataViewSchema.Column>();
        _batch = new ColumnBatch(mapper, input, dependencies, i => active[inputCount + i], capacity: 1);
        _inputBuffers = _batch.InputBuffers.ToArray();
    }

    public override long Position => _input.Position;
    public override long Batch => _input.Batch;
    public override DataViewSchema Schema => _mapper.OutputSchema;
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
    public override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        _getters.Get<TValue>(column, CreateGetter<TValue>);

    private ValueGetter<TValue> CreateGetter<TValue>(int columnIndex)
    {
        int inputCount = _mapper.InputSchema.Count;
        if (columnIndex < inputCount)
            return _input.GetGetter<TValue>(_mapper.InputSchema[columnIndex]);
        var reader = ((ColumnBuffer<TValue>)_batch.GetOutputBuffer(columnIndex - inputCount)).Reader(_pointer);
        return (ref TValue value) =>
        {
            EnsureMapped();
            reader(ref value);
        };
    }

    private void EnsureMapped()
    {
        if (_mappedPosition == _input.Position)
            return;
        foreach (var buffer in _inputBuffers)
            buffer.Fill(0);
        _batch.Count = 1;
        _batch.StartPosition = _input.Position;
        _mapper.Map(_batch);
        _mappedPosition = _input.Position;
    }
}
