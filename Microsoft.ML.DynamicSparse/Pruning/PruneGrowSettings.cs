namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// The end-of-epoch rule of one layer (ALGORITHMS.md C.6). A percentage of null or 0 switches its criterion off
/// (the reference tests truthiness, so 0 behaves like None).
/// </summary>
/// <param name="HebbianPrunePercent">τ: fraction of active connections pruned for the lowest co-activation.</param>
/// <param name="WeightPrunePercent">ζ: fraction of positive and of negative weights pruned nearest zero.</param>
/// <param name="HebbianGrow">Regrow the highest-co-activation free positions instead of random ones.</param>
public sealed record PruneGrowSettings(double? HebbianPrunePercent, double? WeightPrunePercent, bool HebbianGrow)
{
    internal bool HebbianPruneOn => HebbianPrunePercent is > 0;
    internal bool WeightPruneOn => WeightPrunePercent is > 0;

    /// <summary>True when any input of the rule needs co-activation counts.</summary>
    public bool NeedsCoactivations => HebbianPruneOn || HebbianGrow;

    internal void Validate()
    {
        CheckFraction(HebbianPrunePercent, nameof(HebbianPrunePercent));
        CheckFraction(WeightPrunePercent, nameof(WeightPrunePercent));
    }

    private static void CheckFraction(double? value, string name)
    {
        if (value is { } v && !(v >= 0 && v <= 1))
            throw new ArgumentOutOfRangeException(name, v, $"{name} must lie in [0, 1].");
    }
}
