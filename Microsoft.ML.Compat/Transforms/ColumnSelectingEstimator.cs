using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Keeps (<c>SelectColumns</c>) or drops (<c>DropColumns</c>) columns by name.</summary>
public sealed class ColumnSelectingEstimator : TrivialEstimator<ColumnSelectingTransformer>
{
    internal ColumnSelectingEstimator(string[] columnNames, bool keep, bool keepHidden)
        : base(new ColumnSelectingTransformer(columnNames, keep, keepHidden)) { }

    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        foreach (var name in Transformer.ColumnNames)
            ColumnChecks.FindColumn(inputSchema, name);
        var columns = Transformer.Keep
            ? Transformer.ColumnNames.Select(name => { inputSchema.TryFindColumn(name, out var c); return c; })
            : inputSchema.Where(c => !Transformer.ColumnNames.Contains(c.Name));
        return new SchemaShape(columns);
    }
}
