namespace Microsoft.ML.Reports;

/// <summary>A labelled vertical line at <paramref name="X"/>, e.g. a pruning event at an epoch.</summary>
public readonly record struct ChartMarker(double X, string Label);
