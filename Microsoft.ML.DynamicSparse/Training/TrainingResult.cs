namespace Microsoft.ML.DynamicSparse;

/// <summary>The trained network and its per-epoch history.</summary>
public sealed record TrainingResult(SparseMlp Network, IReadOnlyList<EpochRecord> History);
