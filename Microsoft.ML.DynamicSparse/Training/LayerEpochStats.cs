namespace Microsoft.ML.DynamicSparse;

/// <summary>One layer after an epoch's prune-and-grow step.</summary>
/// <param name="Layer">0-based layer index, input side first.</param>
/// <param name="Density">Connections / (inputs·outputs).</param>
/// <param name="Connections">Connections in the mask.</param>
/// <param name="Pruned">Active connections removed this epoch.</param>
/// <param name="Regrown">Connections added this epoch.</param>
public sealed record LayerEpochStats(int Layer, double Density, int Connections, int Pruned, int Regrown);
