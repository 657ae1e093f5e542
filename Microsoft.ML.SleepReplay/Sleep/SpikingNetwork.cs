namespace Microsoft.ML.SleepReplay;

/// <summary>
/// The spiking view of an <see cref="MlpNetwork"/> during sleep: it works on its own copy of the
/// network's weight matrices (<see cref="PlasticSynapses"/>) and keeps one membrane potential per
/// non-input neuron; <see cref="CommitWeights"/> writes the slept weights back into the network.
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
    private readonly bool _useBias;
    private readonly PlasticSynapses[] _synapses;
    private readonly float[][] _membranes;
    private readonly int[][] _spikes;
    private readonly int[] _spikeCounts;
    private readonly float[] _sums;

    public SpikingNetwork(MlpNetwork network, IReadOnlyList<double> alpha, SleepOptions options)
    {
        options.Validate(network.LayerCount);
        if (alpha.Count != network.LayerCount)
            throw new ArgumentException($"{alpha.Count} α value(s) for {network.LayerCount} weight layers.", nameof(alpha));
        if (network.HasLinearLayers)
            throw new ArgumentException($"Network {network.Describe()} is factorized; sleep needs the dense network (LowRankNetworks.ToDense).", nameof(network));
        _network = network;
        _alpha = alpha.Select(a => (float)a).ToArray();
        _thresholds = options.Beta.Select(b => (float)(options.Threshold * b)).ToArray();
        _decay = (float)options.Decay;
        _useBias = options.BiasMode == SleepBiasMode.Scaled && network.Biases != null;
        _synapses = new PlasticSynapses[network.LayerCount];
        _membranes = new float[network.LayerCount][];
        _spikes = new int[network.LayerCount][];
        _spikeCounts = new int[network.LayerCount];
        _sums = new float[network.LayerSizes.Max()];
        for (int l = 0; l < network.LayerCount; l++)
        {
            _synapses[l] = new PlasticSynapses(network.Weights[l], network.OutputsOf(l), network.InputsOf(l),
                options.Increase, options.Decrease, options.WeightFunction);
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
        ReadOnlySpan<int> pre = inputSpikes;
        for (int l = 0; l < _network.LayerCount; l++)
        {
            int rows = _network.OutputsOf(l);
            _synapses[l].InputSums(pre, _sums);
            int fired = SpikeKernels.IntegrateAndFire(_membranes[l], _sums, _useBias ? _network.Biases![l] : null,
                rows, _alpha[l], _decay, _thresholds[l], _spikes[l]);
            _spikeCounts[l] = fired;
            _synapses[l].Learn(_spikes[l].AsSpan(0, fired));
            pre = _spikes[l].AsSpan(0, fired);
        }
    }

    /// <summary>Writes the slept weights (every pending update applied) back into the network.</summary>
    public void CommitWeights() => CopyWeightsTo(_network);

    /// <summary>Writes the weights slept so far into <paramref name="target"/>, a network of the same shape.</summary>
    public void CopyWeightsTo(MlpNetwork target)
    {
        for (int l = 0; l < _network.LayerCount; l++) _synapses[l].CopyTo(target.Weights[l]);
    }
}
