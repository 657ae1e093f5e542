namespace Microsoft.ML.Data;

/// <summary>
/// An estimator with nothing to learn: <see cref="Fit"/> checks the input schema (so errors surface at fit time,
/// before any row is read) and returns the transformer it was created with.
/// </summary>
public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : class, ITransformer
{
    private protected TrivialEstimator(TTransformer transformer)
    {
        Transformer = transformer;
    }

    private protected TTransformer Transformer { get; }

    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    public abstract SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
