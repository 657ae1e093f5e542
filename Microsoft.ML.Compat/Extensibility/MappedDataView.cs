namespace Microsoft.ML.Data;

/// <summary>The lazy view a <see cref="RowToRowTransformerBase"/> returns: the input plus the mapper's columns.</summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly ColumnMapperBase _mapper;

    public MappedDataView(IDataView input, ColumnMapperBase mapper)
    {
        _input = input;
        _mapper = mapper;
    }

    public bool CanShuffle => _input.CanShuffle;
    public DataViewSchema Schema => _mapper.OutputSchema;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var (active, inputs) = _mapper.Plan(columnsNeeded);
        return _mapper.CreateCursor(_input.GetRowCursor(inputs, rand), active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var (active, inputs) = _mapper.Plan(columnsNeeded);
        return _input.GetRowCursorSet(inputs, n, rand).Select(c => _mapper.CreateCursor(c, active)).ToArray();
    }
}

/// <summary>The <see cref="IRowToRowMapper"/> of a mapper (used by the prediction engine and chains).</summary>
internal sealed class ColumnMapperRowToRowMapper : IRowToRowMapper
{
    private readonly ColumnMapperBase _mapper;

    public ColumnMapperRowToRowMapper(ColumnMapperBase mapper) => _mapper = mapper;

    public DataViewSchema InputSchema => _mapper.InputSchema;
    public DataViewSchema OutputSchema => _mapper.OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _mapper.Plan(dependingColumns).inputsNeeded;

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _mapper.CreateRow(input, _mapper.Plan(activeColumns).activeColumns);
    }
}
