using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Concatenates columns into a vector: <c>mlContext.Transforms.Concatenate(output, inputs...)</c>.</summary>
public sealed class ColumnConcatenatingEstimator : TrivialEstimator<ColumnConcatenatingTransformer>
{
    internal ColumnConcatenatingEstimator(string outputColumnName, string[] inputColumnNames)
        : base(new ColumnConcatenatingTransformer(outputColumnName, inputColumnNames)) { }

    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var sources = Transformer.InputColumnNames.Select(name => ColumnChecks.FindColumn(inputSchema, name)).ToArray();
        var first = sources[0];
        foreach (var source in sources)
        {
            if (!source.ItemType.Equals(first.ItemType) || source.IsKey != first.IsKey)
                throw ColumnChecks.Mismatch(source.Name, $"{first.GetTypeString()} items (the item type of '{first.Name}')", source.GetTypeString());
        }
        var result = inputSchema.ToList();
        if (sources.Length == 1 && first.Kind != SchemaShape.Column.VectorKind.Scalar)
            result.Add(new SchemaShape.Column(Transformer.OutputColumnName, first.Kind, first.ItemType, first.IsKey, first.Annotations));
        else
        {
            var kind = sources.Any(s => s.Kind == SchemaShape.Column.VectorKind.VariableVector)
                ? SchemaShape.Column.VectorKind.VariableVector
                : SchemaShape.Column.VectorKind.Vector;
            var annotations = kind == SchemaShape.Column.VectorKind.Vector
                ? new SchemaShape(new[] { new SchemaShape.Column(AnnotationUtils.Kinds.SlotNames, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false) })
                : null;
            result.Add(new SchemaShape.Column(Transformer.OutputColumnName, kind, first.ItemType, first.IsKey, annotations));
        }
        return new SchemaShape(result);
    }
}
