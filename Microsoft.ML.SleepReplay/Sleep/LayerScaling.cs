using System.Numerics.Tensors;

namespace Microsoft.ML.SleepReplay;

/// <summary>Data-based weight scaling into the spiking net (ALGORITHMS.md B.5).</summary>
public static class LayerScaling
{
    private const int ChunkRows = 256;

    /// <summary>
    /// Scaling factors 1/f_l from the largest positive weight and activation of each layer.
    /// With prev = 1: s = max(0, maxW_l, maxA_l), f_l = s / prev, then prev = f_l (reference)
    /// or prev = s (Diehl et al.).
    /// </summary>
    public static double[] Factors(IReadOnlyList<double> maxWeights, IReadOnlyList<double> maxActivations, LayerScalingMode mode)
    {
        if (maxWeights.Count != maxActivations.Count)
            throw new ArgumentException($"{maxWeights.Count} weight maxima but {maxActivations.Count} activation maxima.");
        var factors = new double[maxWeights.Count];
        double prev = 1;
        for (int l = 0; l < factors.Length; l++)
        {
            double s = Math.Max(0, Math.Max(maxWeights[l], maxActivations[l]));
            if (s == 0)
                throw new InvalidOperationException(
                    $"Layer {l} has no positive weight and no positive activation on the sleep data, so its scaling factor is undefined.");
            double f = s / prev;
            factors[l] = 1 / f;
            prev = mode == LayerScalingMode.ReferencePreviousFactor ? f : s;
        }
        return factors;
    }

    /// <summary>Largest activation of each layer's output over the rows of <paramref name="data"/>, from the unscaled ANN at inference.</summary>
    public static double[] MaxActivations(MlpNetwork network, ReadOnlySpan<float> data, int count)
    {
        var max = new double[network.LayerCount];
        for (int start = 0; start < count; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, count - start);
            var acts = network.ForwardAllLayers(data.Slice(start * network.InputSize, rows * network.InputSize), rows);
            for (int l = 0; l < max.Length; l++)
                max[l] = Math.Max(max[l], TensorPrimitives.Max(acts[l]));
        }
        return max;
    }

    /// <summary>Largest weight of each layer.</summary>
    public static double[] MaxWeights(MlpNetwork network) =>
        network.Weights.Select(w => (double)TensorPrimitives.Max(w)).ToArray();

    /// <summary>α per layer: the fixed values if given, else AlphaScale × data-based factors.</summary>
    public static double[] Alpha(MlpNetwork network, ReadOnlySpan<float> sleepData, int count, SleepOptions options)
    {
        if (options.FixedAlpha is not null) return (double[])options.FixedAlpha.Clone();
        var factors = Factors(MaxWeights(network), MaxActivations(network, sleepData, count), options.ScalingMode);
        return factors.Select(f => options.AlphaScale * f).ToArray();
    }
}
