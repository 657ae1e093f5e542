using Microsoft.ML.Data;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Holds the consolidated network and scores with it (Score, PredictedLabel), exactly like the
/// trainer's <see cref="MulticlassPredictionTransformer{TModel}"/>. <see cref="Model"/> can be
/// passed to <see cref="SequentialMlpTrainer.Fit(IDataView, MlpModelParameters)"/> for the next task.
/// </summary>
public sealed class SleepReplayConsolidationTransformer : IPredictionTransformer<MlpModelParameters>,
    ILoadableModel<SleepReplayConsolidationTransformer>
{
    private const int FormatVersion = 1;
    private const string ScorerName = "Scorer";
    private readonly MulticlassPredictionTransformer<MlpModelParameters> _scorer;

    internal SleepReplayConsolidationTransformer(MulticlassPredictionTransformer<MlpModelParameters> scorer, SleepResult result)
    {
        _scorer = scorer;
        SleepResult = result;
    }

    /// <summary>The consolidated network.</summary>
    public MlpModelParameters Model => _scorer.Model;

    /// <summary>α used and spikes fired during the sleep.</summary>
    public SleepResult SleepResult { get; }

    public bool IsRowToRowMapper => _scorer.IsRowToRowMapper;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _scorer.GetOutputSchema(inputSchema);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _scorer.GetRowToRowMapper(inputSchema);

    public IDataView Transform(IDataView input) => _scorer.Transform(input);

    public void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        var w = ctx.Writer;
        w.Write(SleepResult.Iterations);
        w.Write(SleepResult.InputSpikes);
        w.Write(SleepResult.Alpha.Count);
        foreach (double a in SleepResult.Alpha) w.Write(a);
        foreach (long s in SleepResult.SpikesPerLayer) w.Write(s);
        ctx.SaveModel(_scorer, ScorerName);
    }

    public static SleepReplayConsolidationTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        var r = ctx.Reader;
        int iterations = r.ReadInt32();
        long inputSpikes = r.ReadInt64();
        int layers = r.ReadInt32();
        if (layers <= 0 || layers > 64) throw ctx.Error($"the sleep record lists {layers} layers; expected 1 to 64");
        var alpha = new double[layers];
        for (int l = 0; l < layers; l++) alpha[l] = r.ReadDouble();
        var spikes = new long[layers];
        for (int l = 0; l < layers; l++) spikes[l] = r.ReadInt64();
        var scorer = ctx.LoadModel<MulticlassPredictionTransformer<MlpModelParameters>>(ScorerName);
        return new SleepReplayConsolidationTransformer(scorer, new SleepResult(alpha, spikes, inputSpikes, iterations));
    }
}
