namespace Microsoft.ML.SleepReplay;

/// <summary>What one sleep phase did: the α it used and how many spikes each layer fired in total.</summary>
public sealed record SleepResult(IReadOnlyList<double> Alpha, IReadOnlyList<long> SpikesPerLayer, long InputSpikes, int Iterations);
