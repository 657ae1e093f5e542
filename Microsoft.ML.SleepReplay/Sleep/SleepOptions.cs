namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Parameters of one sleep phase (ALGORITHMS.md B.4-B.8). The defaults are the tuned MATLAB
/// values; <see cref="PythonPort"/> gives the Python port's settings.
/// </summary>
public sealed class SleepOptions
{
    /// <summary>Number of time steps T.</summary>
    public int Iterations { get; set; } = 15000;

    /// <summary>Membrane decay per step.</summary>
    public double Decay { get; set; } = 0.999;

    /// <summary>Base threshold; layer l fires at v ≥ Threshold·Beta[l].</summary>
    public double Threshold { get; set; } = 1.0;

    /// <summary>Threshold scale per weight layer.</summary>
    public double[] Beta { get; set; } = [14.548273, 44.560317, 38.046326];

    /// <summary>Multiplies the data-based factors: α_l = AlphaScale · factor_l.</summary>
    public double AlphaScale { get; set; } = 55.882454;

    /// <summary>If set, these α are used as they are and no data-based scaling is computed (the Python port hard-codes them).</summary>
    public double[]? FixedAlpha { get; set; }

    public LayerScalingMode ScalingMode { get; set; } = LayerScalingMode.ReferencePreviousFactor;

    /// <summary>Maximal input firing rate (Hz); with <see cref="Dt"/> it sets P(spike) = min(1, 2·Dt·MaxRate·intensity).</summary>
    public double MaxRate { get; set; } = 239.515363;

    public double Dt { get; set; } = 0.001;

    /// <summary>Increase for a weight whose pre and post neurons both spiked.</summary>
    public double Increase { get; set; } = 0.032064;

    /// <summary>Decrease for a weight whose post neuron spiked without its pre neuron.</summary>
    public double Decrease { get; set; } = 0.003344;

    public SleepWeightFunction WeightFunction { get; set; } = SleepWeightFunction.MatlabSigmoid;

    public SleepInputMode InputMode { get; set; } = SleepInputMode.MeanImagePatch;

    /// <summary>MATLAB mask_size: the patch is (PatchSize+1)×(PatchSize+1) pixels of a square image.</summary>
    public int PatchSize { get; set; } = 10;

    /// <summary>Python: probability that a pixel is kept by the Bernoulli mask.</summary>
    public double MaskFraction { get; set; } = 0.25;

    /// <summary>Python: number of random sleep images averaged per step.</summary>
    public int SamplesPerStep { get; set; } = 10;

    public SleepBiasMode BiasMode { get; set; } = SleepBiasMode.Ignore;

    /// <summary>Seed for input generation; the same seed gives the same slept weights.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The Python port's settings (mnist_exp.py): fixed α, σ(w) rule, masked sample means.</summary>
    public static SleepOptions PythonPort() => new()
    {
        Iterations = 500,
        FixedAlpha = [14.983829, 253.17746, 7.7707720],
        Increase = 0.001,
        Decrease = 0.0001,
        WeightFunction = SleepWeightFunction.PythonSigmoid,
        InputMode = SleepInputMode.MaskedSampleMean,
    };

    public SleepOptions Clone()
    {
        var copy = (SleepOptions)MemberwiseClone();
        copy.Beta = (double[])Beta.Clone();
        copy.FixedAlpha = (double[]?)FixedAlpha?.Clone();
        return copy;
    }

    /// <summary>Checks every value against a network with <paramref name="layerCount"/> weight layers.</summary>
    internal void Validate(int layerCount)
    {
        if (Iterations < 0) throw new ArgumentOutOfRangeException(nameof(Iterations), $"Iterations is {Iterations}; it must be ≥ 0.");
        if (!(Decay >= 0 && Decay <= 1)) throw new ArgumentOutOfRangeException(nameof(Decay), $"Decay is {Decay}; it must be in [0, 1].");
        if (!(Threshold > 0)) throw new ArgumentOutOfRangeException(nameof(Threshold), $"Threshold is {Threshold}; it must be > 0.");
        if (Beta is null || Beta.Length != layerCount)
            throw new ArgumentException($"Beta has {Beta?.Length ?? 0} value(s) but the network has {layerCount} weight layers.", nameof(Beta));
        if (FixedAlpha is not null && FixedAlpha.Length != layerCount)
            throw new ArgumentException($"FixedAlpha has {FixedAlpha.Length} value(s) but the network has {layerCount} weight layers.", nameof(FixedAlpha));
        if (!(AlphaScale > 0)) throw new ArgumentOutOfRangeException(nameof(AlphaScale), $"AlphaScale is {AlphaScale}; it must be > 0.");
        if (!(MaxRate > 0) || !(Dt > 0)) throw new ArgumentOutOfRangeException(nameof(MaxRate), $"MaxRate ({MaxRate}) and Dt ({Dt}) must be > 0.");
        if (!(Increase >= 0) || !(Decrease >= 0)) throw new ArgumentOutOfRangeException(nameof(Increase), $"Increase ({Increase}) and Decrease ({Decrease}) must be ≥ 0.");
        if (PatchSize < 0) throw new ArgumentOutOfRangeException(nameof(PatchSize), $"PatchSize is {PatchSize}; it must be ≥ 0.");
        if (!(MaskFraction >= 0 && MaskFraction <= 1)) throw new ArgumentOutOfRangeException(nameof(MaskFraction), $"MaskFraction is {MaskFraction}; it must be in [0, 1].");
        if (SamplesPerStep <= 0) throw new ArgumentOutOfRangeException(nameof(SamplesPerStep), $"SamplesPerStep is {SamplesPerStep}; it must be > 0.");
    }
}
