namespace Microsoft.ML;

public sealed partial class ModelOperationsCatalog
{
    /// <summary>A prediction engine whose input columns are typed from <typeparamref name="TSrc"/>'s members.</summary>
    /// <param name="ignoreMissingColumns">Leave <typeparamref name="TDst"/> members without an output column at their defaults
    /// (otherwise they throw "Column 'X' not found").</param>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true)
        where TSrc : class
        where TDst : class, new() =>
        new(transformer, inputSchema: null, ignoreMissingColumns);

    /// <summary>A prediction engine whose input columns take their types and annotations from <paramref name="inputSchema"/>
    /// (e.g. the schema returned by <see cref="Load(string, out DataViewSchema)"/>) where a member has the same name.</summary>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, DataViewSchema inputSchema)
        where TSrc : class
        where TDst : class, new()
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new(transformer, inputSchema, ignoreMissingColumns: true);
    }
}
