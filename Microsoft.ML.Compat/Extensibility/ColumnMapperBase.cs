namespace Microsoft.ML.Data;

/// <summary>
/// Computes output columns from the input columns of the same row, for one input schema. A mapper is created by
/// <see cref="RowToRowTransformerBase"/> for each input schema it is applied to (after validating that schema).
/// Derive from <see cref="RowColumnMapper"/> (one row at a time) or <see cref="BatchColumnMapper"/> (many rows per call).
/// </summary>
public abstract class ColumnMapperBase
{
    private DataViewSchema.DetachedColumn[]? _outputColumns;
    private DataViewSchema? _outputSchema;

    private protected ColumnMapperBase(DataViewSchema inputSchema)
    {
        InputSchema = inputSchema ?? throw new ArgumentNullException(nameof(inputSchema));
    }

    public DataViewSchema InputSchema { get; }

    /// <summary>The appended columns (their index in <see cref="OutputSchema"/> is <c>InputSchema.Count + i</c>).</summary>
    public IReadOnlyList<DataViewSchema.DetachedColumn> OutputColumns => _outputColumns ??= GetOutputColumns();

    /// <summary>The input columns followed by <see cref="OutputColumns"/> (an output hides an input of the same name).</summary>
    public DataViewSchema OutputSchema
    {
        get
        {
            if (_outputSchema is null)
            {
                var builder = new DataViewSchema.Builder();
                builder.AddColumns(InputSchema);
                builder.AddColumns(OutputColumns);
                _outputSchema = builder.ToSchema();
            }
            return _outputSchema;
        }
    }

    /// <summary>Describes the appended columns (called once).</summary>
    protected abstract DataViewSchema.DetachedColumn[] GetOutputColumns();

    /// <summary>The input columns needed to compute the outputs for which <paramref name="activeOutput"/>(i) is true.</summary>
    public abstract IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput);

    internal abstract DataViewRowCursor CreateCursor(DataViewRowCursor input, bool[] activeColumns);

    internal abstract DataViewRow CreateRow(DataViewRow input, bool[] activeColumns);

    /// <summary>Splits the output-schema columns requested into input columns to read and active outputs.</summary>
    internal (bool[] activeColumns, DataViewSchema.Column[] inputsNeeded) Plan(IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        var active = new bool[OutputSchema.Count];
        foreach (var column in columnsNeeded)
        {
            if ((uint)column.Index >= (uint)active.Length || OutputSchema[column.Index].Name != column.Name)
                throw new ArgumentOutOfRangeException(nameof(columnsNeeded), $"Column '{column.Name}' (index {column.Index}) is not part of this view's schema.");
            active[column.Index] = true;
        }
        int inputCount = InputSchema.Count;
        var inputs = new HashSet<int>();
        for (int i = 0; i < inputCount; i++)
        {
            if (active[i])
                inputs.Add(i);
        }
        if (active.Skip(inputCount).Any(a => a))
        {
            foreach (var dependency in GetDependencies(i => active[inputCount + i]))
                inputs.Add(dependency.Index);
        }
        return (active, inputs.Order().Select(i => InputSchema[i]).ToArray());
    }
}
