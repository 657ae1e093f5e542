using System.Collections;

namespace Microsoft.ML.Data;

/// <summary>Lets non-generic code (the prediction engine) select a chain's scoring transformers.</summary>
internal interface ITransformerChain
{
    TransformerChain<ITransformer> GetModelFor(TransformerScope scopeFilter);
}

/// <summary>
/// A sequence of fitted transformers applied in order; <see cref="LastTransformer"/> is usually the trained model.
/// Saves and loads as one model.
/// </summary>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>, IDisposable,
    ILoadableModel<TransformerChain<TLastTransformer>>, ITransformerChain
    where TLastTransformer : class, ITransformer
{
    private const int FormatVersion = 1;

    private readonly ITransformer[] _transformers;
    private readonly TransformerScope[] _scopes;

    /// <summary>The last transformer of the chain (null only for an empty chain).</summary>
    public readonly TLastTransformer LastTransformer;

    public TransformerChain(params ITransformer[] transformers)
        : this(transformers, transformers.Select(_ => TransformerScope.Everything))
    {
    }

    public TransformerChain(IEnumerable<ITransformer> transformers, IEnumerable<TransformerScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        ArgumentNullException.ThrowIfNull(scopes);
        _transformers = transformers.ToArray();
        _scopes = scopes.ToArray();
        if (_transformers.Length != _scopes.Length)
            throw new ArgumentException($"Got {_transformers.Length} transformers but {_scopes.Length} scopes.", nameof(scopes));
        if (_transformers.Any(t => t is null))
            throw new ArgumentException("A transformer chain cannot contain null.", nameof(transformers));
        LastTransformer = _transformers.Length == 0 ? null!
            : _transformers[^1] as TLastTransformer
              ?? throw new ArgumentException($"The last transformer is a {_transformers[^1].GetType().Name}, not a {typeof(TLastTransformer).Name}.", nameof(transformers));
    }

    public bool IsRowToRowMapper => _transformers.All(t => t.IsRowToRowMapper);

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var schema = inputSchema;
        foreach (var transformer in _transformers)
            schema = transformer.GetOutputSchema(schema);
        return schema;
    }

    /// <summary>Applies every transformer, whatever its scope (lazily; schema errors surface here).</summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = input;
        foreach (var transformer in _transformers)
            current = transformer.Transform(current);
        return current;
    }

    /// <summary>Applies the transformers whose scope intersects <paramref name="scope"/>.</summary>
    public IDataView Transform(IDataView input, TransformerScope scope)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = input;
        for (int i = 0; i < _transformers.Length; i++)
        {
            if ((_scopes[i] & scope) != 0)
                current = _transformers[i].Transform(current);
        }
        return current;
    }

    /// <summary>The sub-chain of transformers whose scope intersects <paramref name="scopeFilter"/>.</summary>
    public TransformerChain<ITransformer> GetModelFor(TransformerScope scopeFilter)
    {
        var keep = Enumerable.Range(0, _transformers.Length).Where(i => (_scopes[i] & scopeFilter) != 0).ToArray();
        return new TransformerChain<ITransformer>(keep.Select(i => _transformers[i]), keep.Select(i => _scopes[i]));
    }

    /// <summary>A new chain with <paramref name="transformer"/> added at the end.</summary>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer, TransformerScope scope = TransformerScope.Everything)
        where TNewLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TNewLast>(_transformers.Append(transformer), _scopes.Append(scope));
    }

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var mappers = new IRowToRowMapper[_transformers.Length];
        var schema = inputSchema;
        for (int i = 0; i < _transformers.Length; i++)
        {
            if (!_transformers[i].IsRowToRowMapper)
                throw new InvalidOperationException($"Transformer {i} ({_transformers[i].GetType().Name}) cannot map single rows.");
            mappers[i] = _transformers[i].GetRowToRowMapper(schema);
            schema = mappers[i].OutputSchema;
        }
        return new CompositeRowToRowMapper(inputSchema, mappers);
    }

    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        foreach (var transformer in _transformers)
            (transformer as IDisposable)?.Dispose();
    }

    public void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        ctx.Writer.Write(_transformers.Length);
        for (int i = 0; i < _transformers.Length; i++)
        {
            ctx.Writer.Write((int)_scopes[i]);
            ctx.SaveModel(_transformers[i], TransformerName(i));
        }
    }

    public static TransformerChain<TLastTransformer> Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        int count = ctx.Reader.ReadInt32();
        if (count < 0)
            throw ctx.Error($"invalid transformer count {count}");
        var transformers = new ITransformer[count];
        var scopes = new TransformerScope[count];
        for (int i = 0; i < count; i++)
        {
            scopes[i] = (TransformerScope)ctx.Reader.ReadInt32();
            transformers[i] = ctx.LoadModel<ITransformer>(TransformerName(i));
        }
        return new TransformerChain<TLastTransformer>(transformers, scopes);
    }

    private static string TransformerName(int index) => $"Transformer{index:D3}";
}
