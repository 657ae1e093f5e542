namespace Microsoft.ML.Data;

/// <summary>Cursor of a <see cref="RowColumnMapper"/>'s view: input columns pass through, outputs are computed per row on demand.</summary>
internal sealed class RowMappedCursor : RowCursorBase
{
    private readonly RowColumnMapper _mapper;
    private readonly DataViewRowCursor _input;
    private readonly bool[] _active;

    public RowMappedCursor(RowColumnMapper mapper, DataViewRowCursor input, bool[] active)
        : base(mapper.OutputSchema, mapper.OutputSchema.Where(c => active[c.Index]))
    {
        _mapper = mapper;
        _input = input;
        _active = active;
    }

    public override long Batch => _input.Batch;

    protected override bool MoveNextCore() => _input.MoveNext();

    protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
        MappedGetters.Create<TValue>(_mapper, _input, _active, columnIndex);

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _input.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The row a <see cref="RowColumnMapper"/> produces for the prediction engine: outputs computed from the input row.</summary>
internal sealed class RowMappedRow : DataViewRow
{
    private readonly RowColumnMapper _mapper;
    private readonly DataViewRow _input;
    private readonly bool[] _active;
    private readonly GetterCache _getters;

    public RowMappedRow(RowColumnMapper mapper, DataViewRow input, bool[] active)
    {
        _mapper = mapper;
        _input = input;
        _active = active;
        _getters = new GetterCache(mapper.OutputSchema, active);
    }

    public override long Position => _input.Position;
    public override long Batch => _input.Batch;
    public override DataViewSchema Schema => _mapper.OutputSchema;
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
    public override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        _getters.Get<TValue>(column, index => MappedGetters.Create<TValue>(_mapper, _input, _active, index));
}

internal static class MappedGetters
{
    /// <summary>Input columns come from <paramref name="input"/>; appended ones from the mapper.</summary>
    public static ValueGetter<TValue> Create<TValue>(RowColumnMapper mapper, DataViewRow input, bool[] active, int columnIndex)
    {
        int inputCount = mapper.InputSchema.Count;
        return columnIndex < inputCount
            ? input.GetGetter<TValue>(mapper.InputSchema[columnIndex])
            : mapper.MakeTypedGetter<TValue>(input, columnIndex - inputCount, i => active[inputCount + i]);
    }
}
