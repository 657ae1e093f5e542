using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>Normalizers on <c>mlContext.Transforms</c>, as in ML.NET.</summary>
public static class NormalizationCatalog
{
    /// <summary>Scales each slot by its observed range: x / max(|min|, |max|) with <paramref name="fixZero"/>
    /// (zero stays zero), else (x - min) / (max - min).</summary>
    public static NormalizingEstimator NormalizeMinMax(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched) =>
        catalog.NormalizeMinMax(new[] { new InputOutputColumnPair(outputColumnName, inputColumnName) }, maximumExampleCount, fixZero);

    /// <summary>Min-max normalizes several columns, each with its own statistics.</summary>
    public static NormalizingEstimator NormalizeMinMax(this TransformsCatalog catalog, InputOutputColumnPair[] columns,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizingEstimator(catalog.Context, columns, maximumExampleCount, statistics => SlotNormalizer.MinMax(statistics, fixZero));
    }

    /// <summary>Scales each slot by its mean and variance: x / sqrt(variance + mean²) with <paramref name="fixZero"/>,
    /// else (x - mean) / stddev; with <paramref name="useCdf"/>, the normal CDF of x.</summary>
    public static NormalizingEstimator NormalizeMeanVariance(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched,
        bool useCdf = NormalizingEstimator.Defaults.MeanVarCdf) =>
        catalog.NormalizeMeanVariance(new[] { new InputOutputColumnPair(outputColumnName, inputColumnName) }, maximumExampleCount, fixZero, useCdf);

    /// <summary>Mean-variance normalizes several columns, each with its own statistics.</summary>
    public static NormalizingEstimator NormalizeMeanVariance(this TransformsCatalog catalog, InputOutputColumnPair[] columns,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched,
        bool useCdf = NormalizingEstimator.Defaults.MeanVarCdf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizingEstimator(catalog.Context, columns, maximumExampleCount, statistics => SlotNormalizer.MeanVariance(statistics, fixZero, useCdf));
    }
}
