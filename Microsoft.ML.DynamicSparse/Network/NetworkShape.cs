namespace Microsoft.ML.DynamicSparse;

/// <summary>The architecture of a <see cref="SparseMlp"/>: unit counts (input first, classes last), batch norm and
/// k-winners settings of the hidden blocks.</summary>
public sealed record NetworkShape(
    int[] Sizes,
    bool BatchNorm,
    bool UseKWinners,
    double KWinnersPercentOn,
    double BoostStrength,
    double KInferenceFactor,
    int DutyCyclePeriod)
{
    internal void Validate()
    {
        if (Sizes is null || Sizes.Length < 2 || Sizes.Any(s => s <= 0))
            throw new ArgumentException($"Layer sizes must be at least two positive counts, got [{string.Join(", ", Sizes ?? [])}].", nameof(Sizes));
        if (UseKWinners && !(KWinnersPercentOn > 0 && KWinnersPercentOn <= 1))
            throw new ArgumentOutOfRangeException(nameof(KWinnersPercentOn), KWinnersPercentOn, "The k-winners fraction must lie in (0, 1].");
        if (UseKWinners && DutyCyclePeriod <= 0)
            throw new ArgumentOutOfRangeException(nameof(DutyCyclePeriod), DutyCyclePeriod, "The duty-cycle period must be positive.");
    }
}
