using Microsoft.ML.Runtime;

namespace Microsoft.ML.Data;

/// <summary>Gives <see cref="LearningPipelineExtensions"/> access to a chain's parts so chains can be flattened.</summary>
internal interface IEstimatorChain
{
    IReadOnlyList<IEstimator<ITransformer>> Estimators { get; }
    IReadOnlyList<TransformerScope> Scopes { get; }
    IReadOnlyList<MLContext?> CacheAfter { get; }
}

/// <summary>
/// An immutable sequence of estimators. <see cref="Fit"/> checks the whole chain's schema first, then fits each
/// estimator on the (lazily) transformed output of the previous ones, caching that output in memory after the
/// estimators marked by <see cref="AppendCacheCheckpoint"/>.
/// </summary>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>, IEstimatorChain
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly TransformerScope[] _scopes;

    /// <summary>For each estimator, the context whose Data.Cache keeps its output, or null when not cached.</summary>
    private readonly MLContext?[] _cacheAfter;

    /// <summary>The last estimator; null for an empty chain.</summary>
    public readonly IEstimator<TLastTransformer>? LastEstimator;

    /// <summary>An empty chain.</summary>
    public EstimatorChain()
        : this(Array.Empty<IEstimator<ITransformer>>(), Array.Empty<TransformerScope>(), Array.Empty<MLContext?>())
    {
    }

    internal EstimatorChain(IEstimator<ITransformer>[] estimators, TransformerScope[] scopes, MLContext?[] cacheAfter)
    {
        _estimators = estimators;
        _scopes = scopes;
        _cacheAfter = cacheAfter;
        LastEstimator = estimators.Length == 0 ? null
            : estimators[^1] as IEstimator<TLastTransformer>
              ?? throw new ArgumentException($"The last estimator must produce {typeof(TLastTransformer).Name}.", nameof(estimators));
    }

    IReadOnlyList<IEstimator<ITransformer>> IEstimatorChain.Estimators => _estimators;
    IReadOnlyList<TransformerScope> IEstimatorChain.Scopes => _scopes;
    IReadOnlyList<MLContext?> IEstimatorChain.CacheAfter => _cacheAfter;

    /// <summary>A new chain with <paramref name="estimator"/> added at the end.</summary>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator, TransformerScope scope = TransformerScope.Everything)
        where TNewTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTrans>(_estimators.Append(estimator).ToArray(), _scopes.Append(scope).ToArray(),
            _cacheAfter.Append(null).ToArray());
    }

    /// <summary>A new chain that keeps the output of the estimators so far in memory while fitting the rest
    /// (later estimators that read the data several times then do not recompute it).</summary>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (_estimators.Length == 0)
            throw new InvalidOperationException("Current estimator chain has no estimator, can't append cache checkpoint.");
        var cacheAfter = (MLContext?[])_cacheAfter.Clone();
        cacheAfter[^1] = env switch
        {
            MLContext context => context,
            Host host => host.Context,
            _ => throw new ArgumentException($"Unsupported environment {env.GetType().Name}; pass the MLContext.", nameof(env)),
        };
        return new EstimatorChain<TLastTransformer>(_estimators, _scopes, cacheAfter);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var shape = inputSchema;
        foreach (var estimator in _estimators)
            shape = estimator.GetOutputSchema(shape);
        return shape;
    }

    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Fail on schema errors before any estimator reads data.
        GetOutputSchema(SchemaShape.Create(input.Schema));

        var current = input;
        var transformers = new ITransformer[_estimators.Length];
        for (int i = 0; i < _estimators.Length; i++)
        {
            transformers[i] = _estimators[i].Fit(current);
            if (i < _estimators.Length - 1)
            {
                current = transformers[i].Transform(current);
                if (_cacheAfter[i] is { } context)
                    current = context.Data.Cache(current);
            }
        }
        return new TransformerChain<TLastTransformer>(transformers, _scopes);
    }
}
