namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Architecture and SGD settings of the sequential-task MLP. Defaults are the Python port
/// (784-4000-4000-10, linear output, cross-entropy, lr 0.01); <see cref="Matlab"/> gives the
/// MATLAB reference (784-1200-1200-10, ReLU output, MSE, lr 0.1, uniform ±0.01).
/// </summary>
public sealed class MlpTrainingOptions
{
    /// <summary>Hidden layer widths; input and output sizes come from the data.</summary>
    public int[] HiddenLayers { get; set; } = [4000, 4000];

    public bool UseBias { get; set; }

    public float DropoutRate { get; set; } = 0.25f;

    public DropoutConvention DropoutConvention { get; set; } = DropoutConvention.Inverted;

    public OutputActivation OutputActivation { get; set; } = OutputActivation.Linear;

    public MlpInitialization Initialization { get; set; } = MlpInitialization.PyTorchDefault;

    public MlpLoss Loss { get; set; } = MlpLoss.CrossEntropy;

    public int Epochs { get; set; } = 2;

    public int BatchSize { get; set; } = 100;

    public float LearningRate { get; set; } = 0.01f;

    public float Momentum { get; set; } = 0.5f;

    /// <summary>The MATLAB reference network and optimiser.</summary>
    public static MlpTrainingOptions Matlab() => new()
    {
        HiddenLayers = [1200, 1200],
        DropoutConvention = DropoutConvention.TestTimeScaling,
        OutputActivation = OutputActivation.Relu,
        Initialization = MlpInitialization.UniformHundredth,
        Loss = MlpLoss.MeanSquaredError,
        LearningRate = 0.1f,
    };

    public MlpTrainingOptions Clone()
    {
        var copy = (MlpTrainingOptions)MemberwiseClone();
        copy.HiddenLayers = (int[])HiddenLayers.Clone();
        return copy;
    }

    internal void Validate()
    {
        if (HiddenLayers is null || HiddenLayers.Any(h => h <= 0))
            throw new ArgumentException($"HiddenLayers must list positive widths; got [{string.Join(", ", HiddenLayers ?? [])}].", nameof(HiddenLayers));
        if (!(DropoutRate >= 0 && DropoutRate < 1)) throw new ArgumentOutOfRangeException(nameof(DropoutRate), $"DropoutRate is {DropoutRate}; it must be in [0, 1).");
        if (Epochs < 0) throw new ArgumentOutOfRangeException(nameof(Epochs), $"Epochs is {Epochs}; it must be ≥ 0.");
        if (BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"BatchSize is {BatchSize}; it must be > 0.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), $"LearningRate is {LearningRate}; it must be > 0.");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), $"Momentum is {Momentum}; it must be in [0, 1).");
    }

    /// <summary>A fresh network for <paramref name="inputs"/> features and <paramref name="classes"/> outputs.</summary>
    public MlpNetwork CreateNetwork(int inputs, int classes, Random rng) =>
        CreateNetwork(new[] { inputs }.Concat(HiddenLayers).Append(classes).ToArray(), rng, []);

    /// <summary>A fresh network with these exact layer sizes and linear layers, drawn with this initialization.</summary>
    internal MlpNetwork CreateNetwork(IReadOnlyList<int> sizes, Random rng, IReadOnlyCollection<int> linearLayers)
    {
        Validate();
        var net = new MlpNetwork(sizes, UseBias, DropoutRate, DropoutConvention, OutputActivation, linearLayers);
        for (int l = 0; l < net.LayerCount; l++)
        {
            double bound = Initialization == MlpInitialization.UniformHundredth ? 0.01 : 1 / Math.Sqrt(net.InputsOf(l));
            Fill(net.Weights[l], bound, rng);
            if (net.Biases != null) Fill(net.Biases[l], bound, rng);
        }
        return net;
    }

    private static void Fill(float[] values, double bound, Random rng)
    {
        for (int i = 0; i < values.Length; i++) values[i] = (float)((rng.NextDouble() * 2 - 1) * bound);
    }
}
