namespace Microsoft.ML.BpSom;

/// <summary>The BP-SOM network: layers 0..L of logistic units (ALGORITHMS.md A.2). Layer 0 is the input,
/// layers 1..L−1 are hidden, layer L is the output. <see cref="Layers"/>[l] maps layer l to layer l + 1.</summary>
internal sealed class MultilayerPerceptron
{
    private readonly LogisticLayer[] _layers;
    private float[] _input = [];

    public MultilayerPerceptron(LogisticLayer[] layers)
    {
        if (layers.Length < 1) throw new ArgumentException("A network needs at least one layer of weights.", nameof(layers));
        for (int l = 1; l < layers.Length; l++)
            if (layers[l].InputCount != layers[l - 1].UnitCount)
                throw new ArgumentException($"Layer {l + 1} expects {layers[l].InputCount} inputs but layer {l} has {layers[l - 1].UnitCount} units.", nameof(layers));
        _layers = layers;
    }

    /// <summary>A network with the given layer sizes (input first, output last) and uniform [−1, 1) weights.</summary>
    public static MultilayerPerceptron CreateRandom(IReadOnlyList<int> sizes, Random random)
    {
        if (sizes.Count < 2) throw new ArgumentException("A network needs an input and an output layer.", nameof(sizes));
        var layers = new LogisticLayer[sizes.Count - 1];
        for (int l = 0; l < layers.Length; l++) layers[l] = LogisticLayer.CreateRandom(sizes[l], sizes[l + 1], random);
        return new MultilayerPerceptron(layers);
    }

    public IReadOnlyList<LogisticLayer> Layers => _layers;

    /// <summary>L: the index of the output layer (and the number of weight layers).</summary>
    public int OutputLayer => _layers.Length;
    public int InputCount => _layers[0].InputCount;
    public int OutputCount => _layers[^1].UnitCount;

    /// <summary>Current sizes of layers 0..L.</summary>
    public int[] Sizes()
    {
        var sizes = new int[_layers.Length + 1];
        sizes[0] = InputCount;
        for (int l = 0; l < _layers.Length; l++) sizes[l + 1] = _layers[l].UnitCount;
        return sizes;
    }

    /// <summary>Activations of layer <paramref name="layer"/> (0 = the last input) from the last forward pass.</summary>
    public ReadOnlySpan<float> Activations(int layer) => layer == 0 ? _input : _layers[layer - 1].Output;

    public void Forward(ReadOnlySpan<float> input)
    {
        if (_input.Length != input.Length) _input = new float[input.Length];
        input.CopyTo(_input);
        _layers[0].Forward(input);
        for (int l = 1; l < _layers.Length; l++) _layers[l].Forward(_layers[l - 1].Output);
    }

    /// <summary>A forward pass that leaves the network's own buffers alone: <paramref name="hidden"/> holds one buffer per
    /// hidden layer (from <see cref="CreateHiddenBuffers"/>), so each concurrent scorer brings its own.</summary>
    public void Evaluate(ReadOnlySpan<float> input, float[][] hidden, Span<float> output)
    {
        ReadOnlySpan<float> current = input;
        for (int l = 0; l < _layers.Length - 1; l++)
        {
            _layers[l].Forward(current, hidden[l]);
            current = hidden[l];
        }
        _layers[^1].Forward(current, output);
    }

    public float[][] CreateHiddenBuffers() => _layers[..^1].Select(layer => new float[layer.UnitCount]).ToArray();

    public MultilayerPerceptron Clone() => new(_layers.Select(layer => layer.Clone()).ToArray());
}
