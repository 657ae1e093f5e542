namespace Microsoft.ML.DynamicSparse;

/// <summary>The per-epoch accuracy a sweep table summarises.</summary>
public enum SweepMetric
{
    TrainAccuracy,
    ValidationAccuracy,
    NoisyValidationAccuracy,
}
