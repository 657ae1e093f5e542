namespace Microsoft.ML.DynamicSparse;

/// <summary>A finished trial: its settings, seed and per-epoch history.</summary>
public sealed record TrialResult(IReadOnlyDictionary<string, string> Settings, int Seed, IReadOnlyList<EpochRecord> History);
