using System.Numerics.Tensors;

namespace Microsoft.ML.SleepReplay.Tests;

/// <summary>
/// The straightforward sleep step that <see cref="PlasticSynapses"/> replaced, kept as the reference:
/// post-major weights, each post neuron's input summed over the active pre columns in the order given,
/// and the weight rule applied at once to the full rows of the neurons that fired (g from
/// TensorPrimitives on the row, as the old kernel did).
/// </summary>
internal sealed class EagerSpikingNetwork
{
    private readonly float[][] _weights;
    private readonly int[] _sizes;
    private readonly float[] _alpha;
    private readonly float[] _thresholds;
    private readonly SleepOptions _options;
    private readonly float[] _sums;

    public EagerSpikingNetwork(MlpNetwork network, float[] alpha, SleepOptions options)
    {
        _weights = network.Weights.Select(w => (float[])w.Clone()).ToArray();
        _sizes = network.LayerSizes.ToArray();
        _alpha = alpha;
        _thresholds = options.Beta.Select(b => (float)(options.Threshold * b)).ToArray();
        _options = options;
        _sums = new float[_sizes.Max()];
        Membranes = _sizes.Skip(1).Select(n => new float[n]).ToArray();
        Spikes = _sizes.Skip(1).Select(n => new int[n]).ToArray();
        SpikeCounts = new int[_sizes.Length - 1];
    }

    public IReadOnlyList<float[]> Weights => _weights;

    public float[][] Membranes { get; }

    public int[][] Spikes { get; }

    public int[] SpikeCounts { get; }

    public void Step(int[] input)
    {
        int[] pre = input;
        int preCount = input.Length;
        for (int l = 0; l < _weights.Length; l++)
        {
            int rows = _sizes[l + 1], cols = _sizes[l];
            for (int i = 0; i < rows; i++)
            {
                float s = 0;
                for (int p = 0; p < preCount; p++) s += _weights[l][i * cols + pre[p]];
                _sums[i] = s;
            }
            int fired = SpikeKernels.IntegrateAndFire(Membranes[l], _sums, null, rows, _alpha[l], (float)_options.Decay, _thresholds[l], Spikes[l]);
            SpikeCounts[l] = fired;
            var delta = new float[cols];
            Array.Fill(delta, SleepWeightRule.Delta(false, _options.Increase, _options.Decrease, _options.WeightFunction));
            for (int p = 0; p < preCount; p++) delta[pre[p]] = SleepWeightRule.Delta(true, _options.Increase, _options.Decrease, _options.WeightFunction);
            for (int q = 0; q < fired; q++) UpdateRow(_weights[l].AsSpan(Spikes[l][q] * cols, cols), delta);
            pre = Spikes[l];
            preCount = fired;
        }
    }

    private void UpdateRow(Span<float> row, float[] delta)
    {
        var g = new float[row.Length];
        switch (_options.WeightFunction)
        {
            case SleepWeightFunction.Constant:
                TensorPrimitives.Add(row, delta, row);
                break;
            case SleepWeightFunction.PythonSigmoid:
                TensorPrimitives.Sigmoid(row, g);
                TensorPrimitives.FusedMultiplyAdd(g, delta, row, row);
                break;
            default:
                TensorPrimitives.Multiply(row, -1000f, g);
                TensorPrimitives.Sigmoid(g, g);
                TensorPrimitives.FusedMultiplyAdd(g, delta, row, row);
                break;
        }
    }
}
