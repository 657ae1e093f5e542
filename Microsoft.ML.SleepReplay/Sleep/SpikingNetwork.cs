namespace Microsoft.ML.SleepReplay;

/// <summary>
/// The spiking view of an <see cref="MlpNetwork"/> during sleep: it shares (and changes) the
/// network's weight matrices, and keeps one membrane potential per non-input neuron.
/// One <see cref="Step"/> is ALGORITHMS.md B.7: for each layer in order, input current from this
/// step's spikes of the layer below, decay and integrate, fire at ≥ threshold, apply the weight
/// rule to this layer, reset the fired neurons to 0, then go on to the next layer.
/// </summary>
internal sealed class SpikingNetwork
{
    private readonly MlpNetwork _network;
    private readonly float[] _alpha;
    private readonly float[] _thresholds;
    private readonly float _decay;
    private readonly float _increase;
    private readonly float _decrease;
    private readonly SleepWeightFunction _function;
    private readonly bool _useBias;
    private readonly float[][] _membranes;
    private readonly int[][] _spikes;
    private readonly int[] _spikeCounts;
    private readonly float[] _sums;
    private readonly float[] _delta;
    private readonly int[] _inputSpikes;

    public SpikingNetwork(MlpNetwork network, IReadOnlyList<double> alpha, SleepOptions options)
    {
        options.Validate(network.LayerCount);
        if (alpha.Count != network.LayerCount)
            throw new ArgumentException($"{alpha.Count} α value(s) for {network.LayerCount} weight layers.", nameof(alpha));
        _network = network;
        _alpha = alpha.Select(a => (float)a).ToArray();
        _thresholds = options.Beta.Select(b => (float)(options.Threshold * b)).ToArray();
        _decay = (float)options.Decay;
        _increase = (float)options.Increase;
        _decrease = (float)options.Decrease;
        _function = options.WeightFunction;
        _useBias = options.BiasMode == SleepBiasMode.Scaled && network.Biases != null;
        _membranes = new float[network.LayerCount][];
        _spikes = new int[network.LayerCount][];
        _spikeCounts = new int[network.LayerCount];
        int widest = network.LayerSizes.Max();
        _sums = new float[widest];
        _delta = new float[widest];
        _inputSpikes = new int[network.InputSize];
        for (int l = 0; l < network.LayerCount; l++)
        {
            _membranes[l] = new float[network.OutputsOf(l)];
            _spikes[l] = new int[network.OutputsOf(l)];
        }
    }

    /// <summary>Membrane potentials of layer l's output neurons (read-only view for inspection).</summary>
    public ReadOnlySpan<float> Membrane(int layer) => _membranes[layer];

    /// <summary>Indices of layer l's output neurons that fired in the last step.</summary>
    public ReadOnlySpan<int> Spikes(int layer) => _spikes[layer].AsSpan(0, _spikeCounts[layer]);

    /// <summary>One time step driven by the given input spike indices (distinct, in [0, InputSize)).</summary>
    public void Step(ReadOnlySpan<int> inputSpikes)
    {
        inputSpikes.CopyTo(_inputSpikes);
        int[] pre = _inputSpikes;
        int preCount = inputSpikes.Length;
        for (int l = 0; l < _network.LayerCount; l++)
        {
            int rows = _network.OutputsOf(l), cols = _network.InputsOf(l);
            float[] w = _network.Weights[l];
            SpikeKernels.GatherRowSums(w, rows, cols, pre, preCount, _sums);
            int fired = SpikeKernels.IntegrateAndFire(_membranes[l], _sums, _useBias ? _network.Biases![l] : null,
                rows, _alpha[l], _decay, _thresholds[l], _spikes[l]);
            _spikeCounts[l] = fired;
            if (fired > 0)
            {
                SpikeKernels.BuildDelta(_delta, cols, pre, preCount, _increase, _decrease, _function);
                SpikeKernels.UpdateRows(w, cols, _spikes[l], fired, _delta, _function);
            }
            pre = _spikes[l];
            preCount = fired;
        }
    }
}
