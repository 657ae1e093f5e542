using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Keeps or drops columns by name (<c>SelectColumns</c> / <c>DropColumns</c>). Selected columns come out in the
/// order they were named; dropping removes every column with a dropped name, hidden ones included.
/// </summary>
public sealed class ColumnSelectingTransformer : ITransformer, ILoadableModel<ColumnSelectingTransformer>
{
    private const int Version = 1;

    internal ColumnSelectingTransformer(string[] columnNames, bool keep, bool keepHidden)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        if (columnNames.Length == 0)
            throw new ArgumentException("At least one column name is needed.", nameof(columnNames));
        ColumnNames = columnNames;
        Keep = keep;
        KeepHidden = keepHidden;
    }

    internal string[] ColumnNames { get; }
    internal bool Keep { get; }
    internal bool KeepHidden { get; }

    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Select(inputSchema).OutputSchema;

    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SelectedColumnsView(input, Select(input.Schema));
    }

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new SelectedColumnsRowMapper(inputSchema, Select(inputSchema));

    /// <summary>The input columns that make up the output, in output order; throws for an unknown name.</summary>
    internal ColumnSelection Select(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        foreach (var name in ColumnNames)
            ColumnChecks.FindColumn(inputSchema, name);
        IEnumerable<DataViewSchema.Column> chosen = Keep
            ? ColumnNames.SelectMany(name => inputSchema.Where(c => c.Name == name && (KeepHidden || !c.IsHidden)))
            : inputSchema.Where(c => !ColumnNames.Contains(c.Name));
        return new ColumnSelection(chosen.ToArray());
    }

    public void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(Version);
        ctx.Writer.Write(Keep);
        ctx.Writer.Write(KeepHidden);
        ctx.Writer.WriteStringArray(ColumnNames);
    }

    public static ColumnSelectingTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        bool keep = ctx.Reader.ReadBoolean();
        bool keepHidden = ctx.Reader.ReadBoolean();
        return new ColumnSelectingTransformer(ctx.Reader.ReadStringArray(), keep, keepHidden);
    }
}
