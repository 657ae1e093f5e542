using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Maps key columns back to their values: <c>mlContext.Transforms.Conversion.MapKeyToValue</c>.</summary>
public sealed class KeyToValueMappingEstimator : TrivialEstimator<KeyToValueMappingTransformer>
{
    internal KeyToValueMappingEstimator(params InputOutputColumnPair[] columns)
        : base(new KeyToValueMappingTransformer(columns)) { }

    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToList();
        foreach (var pair in Transformer.Columns)
        {
            var source = ColumnChecks.FindColumn(inputSchema, pair.InputColumnName);
            if (!source.IsKey || !source.Annotations.TryFindColumn(AnnotationUtils.Kinds.KeyValues, out var keyValues))
                throw ColumnChecks.Mismatch(pair.InputColumnName, KeyToValueMappingTransformer.ExpectedType, source.GetTypeString());
            var annotations = source.Annotations.Where(a => a.Name == AnnotationUtils.Kinds.SlotNames);
            result.Add(new SchemaShape.Column(pair.OutputColumnName, source.Kind, keyValues.ItemType, keyValues.IsKey, new SchemaShape(annotations)));
        }
        return new SchemaShape(result);
    }
}
