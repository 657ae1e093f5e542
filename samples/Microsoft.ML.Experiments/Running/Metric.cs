namespace Microsoft.ML.Experiments.Running;

/// <summary>A named evaluation figure, e.g. ("accuracy", 0.87). Every metric reported is one where higher is better,
/// except those marked otherwise (log loss).</summary>
public sealed record Metric(string Name, double Value, bool HigherIsBetter = true);
