using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>The output schema of a column selection and, for each output column, the input column it shows.</summary>
internal sealed class ColumnSelection
{
    public ColumnSelection(DataViewSchema.Column[] sources)
    {
        Sources = sources;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(sources);
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema.Column[] Sources { get; }
    public DataViewSchema OutputSchema { get; }

    /// <summary>The input columns behind the given output columns.</summary>
    public DataViewSchema.Column[] InputsFor(IEnumerable<DataViewSchema.Column> outputs) =>
        outputs.Select(c => Sources[c.Index]).DistinctBy(c => c.Index).ToArray();
}
