using System.Numerics.Tensors;
using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Factorized networks of the Python port's low-rank merging (ALGORITHMS.md B.10): every weight
/// matrix W_l (out×in) is U_l·V_l with V_l: r×in and U_l: out×r. Such a network is an
/// <see cref="MlpNetwork"/> whose even layers are the V factors, kept linear, so the ordinary SGD
/// trainer trains both factors; <see cref="ToDense"/> multiplies the pairs back out.
/// </summary>
public static class LowRankNetworks
{
    /// <summary>A fresh rank-<paramref name="rank"/> factorization of the network <paramref name="options"/> describe.</summary>
    public static MlpNetwork Create(MlpTrainingOptions options, int inputs, int classes, int rank, Random rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (rank <= 0) throw new ArgumentOutOfRangeException(nameof(rank), $"Rank is {rank}; it must be > 0.");
        var dense = new[] { inputs }.Concat(options.HiddenLayers).Append(classes).ToArray();
        var sizes = new List<int> { inputs };
        foreach (int size in dense.Skip(1))
        {
            sizes.Add(rank);
            sizes.Add(size);
        }
        var linear = Enumerable.Range(0, dense.Length - 1).Select(l => 2 * l).ToArray();
        return options.CreateNetwork(sizes, rng, linear);
    }

    /// <summary>The dense network W_l = U_l·V_l (and b_l = U_l·b_V + b_U with biases) of a factorized one.</summary>
    public static MlpNetwork ToDense(MlpNetwork factorized)
    {
        ArgumentNullException.ThrowIfNull(factorized);
        if (factorized.LayerCount % 2 != 0 || Enumerable.Range(0, factorized.LayerCount).Any(l => factorized.IsLinear(l) != (l % 2 == 0)))
            throw new ArgumentException($"Network {factorized.Describe()} is not a factorization (linear V layers alternating with U layers).", nameof(factorized));
        var sizes = factorized.LayerSizes.Where((_, i) => i % 2 == 0).ToArray();
        var dense = new MlpNetwork(sizes, factorized.Biases != null, factorized.DropoutRate, factorized.DropoutConvention, factorized.OutputActivation);
        for (int l = 0; l < dense.LayerCount; l++)
        {
            int v = 2 * l, u = 2 * l + 1;
            int outs = dense.OutputsOf(l), ins = dense.InputsOf(l), rank = factorized.OutputsOf(v);
            Gemm.Sgemm(false, false, outs, ins, rank, factorized.Weights[u], rank, factorized.Weights[v], ins, dense.Weights[l], ins);
            if (dense.Biases != null)
            {
                Gemm.Sgemm(false, false, outs, 1, rank, factorized.Weights[u], rank, factorized.Biases![v], 1, dense.Biases[l], 1);
                TensorPrimitives.Add(dense.Biases[l], factorized.Biases[u], dense.Biases[l]);
            }
        }
        return dense;
    }
}
