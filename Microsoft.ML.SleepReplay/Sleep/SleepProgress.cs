namespace Microsoft.ML.SleepReplay;

/// <summary>Progress of a sleep phase: steps done out of the total.</summary>
public readonly record struct SleepProgress(int Step, int Iterations);
