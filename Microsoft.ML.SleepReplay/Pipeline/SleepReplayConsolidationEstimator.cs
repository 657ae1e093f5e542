using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Sleep Replay Consolidation as an estimator: <see cref="Fit"/> drives the sleep input with the
/// feature rows of the given data and returns a transformer holding the consolidated network.
/// </summary>
public sealed class SleepReplayConsolidationEstimator : IEstimator<SleepReplayConsolidationTransformer>
{
    private readonly IHost _host;
    private readonly SleepReplayConsolidationOptions _options;
    private readonly MlpModelParameters _model;

    internal SleepReplayConsolidationEstimator(MLContext context, SleepReplayConsolidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = options.Model ?? throw new ArgumentException("SleepReplayConsolidationOptions.Model must hold the trained network to consolidate.", nameof(options));
        ArgumentNullException.ThrowIfNull(options.Sleep);
        options.Sleep.Validate(_model.LayerSizes.Count - 1);
        _host = context.Register(nameof(SleepReplayConsolidationEstimator));
        _options = options;
    }

    public SleepReplayConsolidationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rows, count) = FeatureRows.Read(input, _options.FeatureColumnName, _model.FeatureCount, _host);
        var network = _model.GetNetwork();
        using var channel = _host.Start("Sleep");
        var result = SleepPhase.Run(network, rows, count, _options.Sleep, new StepLog(channel, _host));
        channel.Info($"slept {result.Iterations} steps; spikes per layer {string.Join(", ", result.SpikesPerLayer)}");
        string? label = input.Schema.GetColumnOrNull(_options.LabelColumnName) is { Type: KeyDataViewType } ? _options.LabelColumnName : null;
        var scorer = new MulticlassPredictionTransformer<MlpModelParameters>(new MlpModelParameters(network), input.Schema, _options.FeatureColumnName, label);
        return new SleepReplayConsolidationTransformer(scorer, result);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var feature = ColumnChecks.FindColumn(inputSchema, _options.FeatureColumnName, "feature");
        if (feature.Kind != SchemaShape.Column.VectorKind.Vector || feature.ItemType != NumberDataViewType.Single)
            throw ColumnChecks.Mismatch(_options.FeatureColumnName, "Vector<Single>", feature.GetTypeString(), "feature");
        var outputs = new[]
        {
            new SchemaShape.Column(DefaultColumnNames.Score, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false),
            new SchemaShape.Column(DefaultColumnNames.PredictedLabel, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, true),
        };
        var names = outputs.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new SchemaShape(inputSchema.Where(c => !names.Contains(c.Name)).Concat(outputs));
    }

    /// <summary>Logs sleep progress and checks for cancellation.</summary>
    private sealed class StepLog(IChannel channel, IHost host) : IProgress<SleepProgress>
    {
        public void Report(SleepProgress value)
        {
            host.CheckAlive();
            if (value.Step % 5000 == 0 || value.Step == value.Iterations) channel.Trace($"sleep step {value.Step}/{value.Iterations}");
        }
    }
}
