namespace Microsoft.ML;

/// <summary>
/// Something that learns a transformer from data. Covariant so that an estimator of any transformer is an
/// <c>IEstimator&lt;ITransformer&gt;</c>, which is what <see cref="LearningPipelineExtensions.Append{TTrans}(IEstimator{ITransformer}, IEstimator{TTrans}, Data.TransformerScope)"/> extends.
/// </summary>
public interface IEstimator<out TTransformer> where TTransformer : ITransformer
{
    /// <summary>Trains on <paramref name="input"/>; validates the input columns before reading any row.</summary>
    TTransformer Fit(IDataView input);

    /// <summary>Propagates a schema shape without data; throws on missing or mistyped columns.</summary>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
