using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Copies columns: <c>mlContext.Transforms.CopyColumns(output, input)</c>.</summary>
public sealed class ColumnCopyingEstimator : TrivialEstimator<ColumnCopyingTransformer>
{
    internal ColumnCopyingEstimator(params InputOutputColumnPair[] columns)
        : base(new ColumnCopyingTransformer(InputOutputColumnPair.Check(columns))) { }

    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToList();
        foreach (var pair in Transformer.Columns)
        {
            var source = ColumnChecks.FindColumn(inputSchema, pair.InputColumnName);
            result.Add(new SchemaShape.Column(pair.OutputColumnName, source.Kind, source.ItemType, source.IsKey, source.Annotations));
        }
        return new SchemaShape(result);
    }
}
