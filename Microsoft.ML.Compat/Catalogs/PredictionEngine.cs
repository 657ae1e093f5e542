using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Scores one example at a time: the input object's members feed the model's input columns, and the output
/// object's members are filled from the output columns of the same name (Score → float[], PredictedLabel → uint,
/// or the original type after MapKeyToValue). Not thread-safe: use one engine per thread.
/// </summary>
public sealed class PredictionEngine<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private readonly PocoRow<TSrc> _input;
    private readonly DataViewRow _output;
    private readonly Action<TDst> _fill;

    internal PredictionEngine(ITransformer transformer, DataViewSchema? inputSchema, bool ignoreMissingColumns)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        if (!transformer.IsRowToRowMapper)
            throw new InvalidOperationException($"{transformer.GetType().Name} cannot score single rows, so it cannot back a prediction engine.");
        // Like ML.NET, a chain scores with its Scoring-scope transformers only (e.g. label mapping is left out).
        if (transformer is ITransformerChain chain)
            transformer = chain.GetModelFor(TransformerScope.Scoring);
        var poco = PocoSchema<TSrc>.FromType(inputSchema);
        _input = new PocoRow<TSrc>(poco);
        var mapper = transformer.GetRowToRowMapper(poco.Schema);
        OutputSchema = mapper.OutputSchema;
        var binder = new PocoBinder<TDst>(OutputSchema, ignoreMissingColumns);
        _output = mapper.GetRow(_input, binder.Columns);
        _fill = binder.MakeFiller(_output, reuse: true);
    }

    /// <summary>The schema of the transformed row.</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>Scores <paramref name="example"/> into a new output object.</summary>
    public TDst Predict(TSrc example)
    {
        var prediction = new TDst();
        Predict(example, ref prediction);
        return prediction;
    }

    /// <summary>Scores <paramref name="example"/> into <paramref name="prediction"/>, reusing its arrays.</summary>
    public void Predict(TSrc example, ref TDst prediction)
    {
        ArgumentNullException.ThrowIfNull(example);
        _input.MoveTo(example);
        prediction ??= new TDst();
        _fill(prediction);
    }

    public void Dispose()
    {
        _output.Dispose();
        _input.Dispose();
    }
}
