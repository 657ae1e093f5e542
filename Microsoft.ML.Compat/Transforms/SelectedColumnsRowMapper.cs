using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>The row-to-row form of a column selection (for prediction engines).</summary>
internal sealed class SelectedColumnsRowMapper : IRowToRowMapper
{
    private readonly ColumnSelection _selection;

    public SelectedColumnsRowMapper(DataViewSchema inputSchema, ColumnSelection selection)
    {
        InputSchema = inputSchema;
        _selection = selection;
    }

    public DataViewSchema InputSchema { get; }
    public DataViewSchema OutputSchema => _selection.OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _selection.InputsFor(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new Row(input, _selection, activeColumns.Select(c => c.Index).ToHashSet());

    private sealed class Row : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly ColumnSelection _selection;
        private readonly HashSet<int> _active;

        public Row(DataViewRow input, ColumnSelection selection, HashSet<int> active)
        {
            _input = input;
            _selection = selection;
            _active = active;
        }

        public override long Position => _input.Position;
        public override long Batch => _input.Batch;
        public override DataViewSchema Schema => _selection.OutputSchema;
        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            _active.Contains(column.Index) && _input.IsColumnActive(_selection.Sources[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this row.");
            return _input.GetGetter<TValue>(_selection.Sources[column.Index]);
        }
    }
}
