using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Applies a user action per row: <c>mlContext.Transforms.CustomMapping(action, contractName)</c>.</summary>
public sealed class CustomMappingEstimator<TSrc, TDst> : TrivialEstimator<CustomMappingTransformer<TSrc, TDst>>
    where TSrc : class, new()
    where TDst : class, new()
{
    internal CustomMappingEstimator(Action<TSrc, TDst> mapAction, string? contractName)
        : base(new CustomMappingTransformer<TSrc, TDst>(mapAction, contractName)) { }

    /// <summary>Checks that every <typeparamref name="TSrc"/> member has an input column of the same item type and
    /// shape, and appends the <typeparamref name="TDst"/> members.</summary>
    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        foreach (var member in PocoMember.For(typeof(TSrc)))
        {
            var expected = SchemaShape.FromType(member.ColumnName, member.ColumnType);
            var actual = ColumnChecks.FindColumn(inputSchema, member.ColumnName);
            bool sameShape = (expected.Kind == SchemaShape.Column.VectorKind.Scalar) == (actual.Kind == SchemaShape.Column.VectorKind.Scalar);
            if (!sameShape || !expected.ItemType.Equals(actual.ItemType) || expected.IsKey != actual.IsKey)
                throw ColumnChecks.Mismatch(member.ColumnName, expected.GetTypeString(), actual.GetTypeString());
        }
        var result = inputSchema.ToList();
        result.AddRange(PocoMember.For(typeof(TDst)).Select(m => SchemaShape.FromType(m.ColumnName, m.ColumnType)));
        return new SchemaShape(result);
    }
}
