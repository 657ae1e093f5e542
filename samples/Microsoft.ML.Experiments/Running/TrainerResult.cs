namespace Microsoft.ML.Experiments.Running;

/// <summary>What one trainer of a run produced: its test metrics, how long it trained (null where the library does not
/// measure it per trainer), the saved model (if any), its confusion table (classification runs) and one history entry per
/// epoch (name → value).</summary>
public sealed record TrainerResult(
    string Name,
    IReadOnlyList<Metric> Metrics,
    TimeSpan? TrainingTime,
    string? ModelFile,
    long? ModelBytes,
    ConfusionTable? Confusion,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> History)
{
    public double this[string metric] => Metrics.First(m => m.Name == metric).Value;
}
