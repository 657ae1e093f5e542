using System.Numerics.Tensors;
using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// A fully connected ReLU network shared by the ANN and the spiking net: layer l maps
/// <c>LayerSizes[l]</c> inputs to <c>LayerSizes[l+1]</c> outputs with a weight matrix stored
/// row-major as post×pre (row i holds the weights into unit i), optionally with biases.
/// Sleep changes these matrices in place; no conversion is needed to go back to the ANN.
/// </summary>
public sealed class MlpNetwork
{
    private readonly int[] _sizes;
    private readonly bool[] _linear;

    /// <param name="linearLayers">
    /// Hidden weight layers whose outputs stay linear (no ReLU, no dropout): the rank-r bottlenecks
    /// of a factorized network, where layer pairs (l, l+1) form one low-rank matrix (<see cref="LowRankNetworks"/>).
    /// </param>
    public MlpNetwork(IReadOnlyList<int> layerSizes, bool useBias, float dropoutRate,
        DropoutConvention dropoutConvention, OutputActivation outputActivation, IReadOnlyCollection<int>? linearLayers = null)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        if (layerSizes.Count < 2)
            throw new ArgumentException($"An MLP needs at least an input and an output size; got {layerSizes.Count} size(s).", nameof(layerSizes));
        for (int i = 0; i < layerSizes.Count; i++)
            if (layerSizes[i] <= 0)
                throw new ArgumentOutOfRangeException(nameof(layerSizes), $"Layer size {i} is {layerSizes[i]}; sizes must be positive.");
        if (!(dropoutRate >= 0f && dropoutRate < 1f))
            throw new ArgumentOutOfRangeException(nameof(dropoutRate), $"Dropout rate {dropoutRate} must be in [0, 1).");

        _sizes = layerSizes.ToArray();
        _linear = new bool[_sizes.Length - 1];
        foreach (int l in linearLayers ?? [])
        {
            if (l < 0 || l >= _linear.Length - 1)
                throw new ArgumentOutOfRangeException(nameof(linearLayers), $"Linear layer {l} is not a hidden weight layer (0 to {_linear.Length - 2}).");
            _linear[l] = true;
        }
        DropoutRate = dropoutRate;
        DropoutConvention = dropoutConvention;
        OutputActivation = outputActivation;
        Weights = new float[LayerCount][];
        Biases = useBias ? new float[LayerCount][] : null;
        for (int l = 0; l < LayerCount; l++)
        {
            Weights[l] = new float[_sizes[l + 1] * _sizes[l]];
            if (Biases != null) Biases[l] = new float[_sizes[l + 1]];
        }
    }

    /// <summary>Unit counts, input first: e.g. 784, 1200, 1200, 10.</summary>
    public IReadOnlyList<int> LayerSizes => _sizes;

    /// <summary>Number of weight layers (sizes − 1).</summary>
    public int LayerCount => _sizes.Length - 1;

    public int InputSize => _sizes[0];

    public int OutputSize => _sizes[^1];

    /// <summary>Per layer, post×pre row-major weights.</summary>
    public float[][] Weights { get; }

    /// <summary>Per layer biases, or null for a bias-free network (the reference setting).</summary>
    public float[][]? Biases { get; }

    public float DropoutRate { get; }

    public DropoutConvention DropoutConvention { get; }

    public OutputActivation OutputActivation { get; }

    /// <summary>True for a hidden layer whose output is linear (a low-rank bottleneck); the output layer follows <see cref="OutputActivation"/>.</summary>
    public bool IsLinear(int layer) => _linear[layer];

    /// <summary>True if any hidden layer is linear (a factorized network).</summary>
    public bool HasLinearLayers => _linear.Contains(true);

    public int InputsOf(int layer) => _sizes[layer];

    public int OutputsOf(int layer) => _sizes[layer + 1];

    /// <summary>Deep copy (weights and biases).</summary>
    public MlpNetwork Clone()
    {
        var copy = new MlpNetwork(_sizes, Biases != null, DropoutRate, DropoutConvention, OutputActivation, LinearLayers());
        CopyParametersTo(copy);
        return copy;
    }

    /// <summary>Copies weights and biases into a network of the same shape.</summary>
    public void CopyParametersTo(MlpNetwork target)
    {
        EnsureSameShape(target);
        for (int l = 0; l < LayerCount; l++)
        {
            Weights[l].CopyTo(target.Weights[l], 0);
            if (Biases != null) Biases[l].CopyTo(target.Biases![l], 0);
        }
    }

    internal void EnsureSameShape(MlpNetwork other)
    {
        if (!_sizes.SequenceEqual(other._sizes) || (Biases == null) != (other.Biases == null) || !_linear.SequenceEqual(other._linear))
            throw new ArgumentException(
                $"Network shapes differ: {Describe()} vs {other.Describe()}.", nameof(other));
    }

    public string Describe() => string.Join("-", _sizes) + (Biases == null ? " (no bias)" : " (bias)")
        + (HasLinearLayers ? $" (linear layers {string.Join(",", LinearLayers())})" : "");

    private int[] LinearLayers() => Enumerable.Range(0, LayerCount).Where(l => _linear[l]).ToArray();

    /// <summary>
    /// Inference on <paramref name="count"/> rows of <paramref name="inputs"/> (count×InputSize).
    /// Returns the activations of every layer (layer l: count×OutputsOf(l)), with inference-time
    /// dropout handling, so callers can read hidden activations as well as the scores.
    /// </summary>
    public float[][] ForwardAllLayers(ReadOnlySpan<float> inputs, int count)
    {
        if (inputs.Length < count * InputSize)
            throw new ArgumentException($"Expected {count}×{InputSize} inputs, got {inputs.Length} values.", nameof(inputs));
        var activations = new float[LayerCount][];
        ReadOnlySpan<float> previous = inputs.Slice(0, count * InputSize);
        for (int l = 0; l < LayerCount; l++)
        {
            var z = new float[count * OutputsOf(l)];
            LinearForward(l, previous, count, z);
            bool hidden = l < LayerCount - 1 && !_linear[l];
            if (hidden || (l == LayerCount - 1 && OutputActivation == OutputActivation.Relu))
                TensorPrimitives.Max(z, 0f, z);
            if (hidden && DropoutConvention == DropoutConvention.TestTimeScaling && DropoutRate > 0f)
                TensorPrimitives.Multiply(z, 1f - DropoutRate, z);
            activations[l] = z;
            previous = z;
        }
        return activations;
    }

    /// <summary>Scores (count×OutputSize) for <paramref name="count"/> input rows.</summary>
    public float[] Score(ReadOnlySpan<float> inputs, int count) => ForwardAllLayers(inputs, count)[^1];

    /// <summary>z = x·Wᵀ (+ b) for layer <paramref name="layer"/>.</summary>
    internal void LinearForward(int layer, ReadOnlySpan<float> x, int count, Span<float> z)
    {
        int n = OutputsOf(layer), k = InputsOf(layer);
        Gemm.Sgemm(false, true, count, n, k, x, k, Weights[layer], k, z, n);
        if (Biases != null)
            for (int r = 0; r < count; r++)
                TensorPrimitives.Add(z.Slice(r * n, n), Biases[layer], z.Slice(r * n, n));
    }
}
