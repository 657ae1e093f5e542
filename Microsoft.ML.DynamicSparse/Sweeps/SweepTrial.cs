namespace Microsoft.ML.DynamicSparse;

/// <summary>One trial of a sweep: the swept option values (as text), the seed and the full options it runs with.</summary>
public sealed record SweepTrial(IReadOnlyDictionary<string, string> Settings, int Seed, DynamicSparseTrainer.Options Options)
{
    /// <summary>A stable name, usable as a file name: "name=value_…_seed=N".</summary>
    public string Id => string.Join("_", Settings.Select(s => $"{s.Key}={s.Value}").Append($"seed={Seed}"));
}
