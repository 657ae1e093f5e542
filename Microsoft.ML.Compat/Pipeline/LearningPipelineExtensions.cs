using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>The <c>Append</c> methods that build pipelines.</summary>
public static class LearningPipelineExtensions
{
    /// <summary>
    /// A chain running <paramref name="start"/> then <paramref name="estimator"/>. When <paramref name="start"/> is
    /// itself a chain its estimators are reused (flattened), so <c>Fit(...).LastTransformer</c> is the last
    /// estimator's transformer.
    /// </summary>
    public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator,
        TransformerScope scope = TransformerScope.Everything)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(estimator);
        if (start is IEstimatorChain chain)
        {
            var estimators = chain.Estimators.Append(estimator).ToArray();
            var scopes = chain.Scopes.Append(scope).ToArray();
            var cacheAfter = chain.CacheAfter.Append(null).ToArray();
            return new EstimatorChain<TTrans>(estimators, scopes, cacheAfter);
        }
        return new EstimatorChain<ITransformer>().Append(start).Append(estimator, scope);
    }

    /// <summary>A transformer chain running <paramref name="start"/> then <paramref name="transformer"/>.</summary>
    public static TransformerChain<TTrans> Append<TTrans>(this ITransformer start, TTrans transformer)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TTrans>(start, transformer);
    }

    /// <summary>A chain of <paramref name="start"/> whose output is cached in memory while later estimators are fitted.</summary>
    public static EstimatorChain<TTrans> AppendCacheCheckpoint<TTrans>(this IEstimator<TTrans> start, IHostEnvironment env)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        return new EstimatorChain<ITransformer>().Append(start).AppendCacheCheckpoint(env);
    }

    /// <summary>Calls <paramref name="onFit"/> with the transformer each time the estimator is fitted.</summary>
    public static IEstimator<TTrans> WithOnFitDelegate<TTrans>(this IEstimator<TTrans> estimator, Action<TTrans> onFit)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(onFit);
        return new DelegateEstimator<TTrans>(estimator, onFit);
    }

    private sealed class DelegateEstimator<TTrans> : IEstimator<TTrans> where TTrans : class, ITransformer
    {
        private readonly IEstimator<TTrans> _inner;
        private readonly Action<TTrans> _onFit;

        public DelegateEstimator(IEstimator<TTrans> inner, Action<TTrans> onFit)
        {
            _inner = inner;
            _onFit = onFit;
        }

        public TTrans Fit(IDataView input)
        {
            var transformer = _inner.Fit(input);
            _onFit(transformer);
            return transformer;
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _inner.GetOutputSchema(inputSchema);
    }
}
