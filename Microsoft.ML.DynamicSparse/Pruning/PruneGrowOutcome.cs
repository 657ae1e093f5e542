namespace Microsoft.ML.DynamicSparse;

/// <summary>What one prune-and-grow step did to a layer.</summary>
/// <param name="Active">Connections with a non-zero weight before the step.</param>
/// <param name="Pruned">Active connections the keep-mask dropped.</param>
/// <param name="Regrown">Free positions added (their weights start at 0).</param>
/// <param name="Connections">Connections in the new mask.</param>
public readonly record struct PruneGrowOutcome(int Active, int Pruned, int Regrown, int Connections);
