namespace Microsoft.ML.SleepReplay.Tests;

/// <summary>Small hand-set networks for hand-worked numbers.</summary>
internal static class TinyNetworks
{
    /// <summary>A bias-free network with the given sizes and weights (post×pre row-major per layer).</summary>
    public static MlpNetwork Create(int[] sizes, params float[][] weights)
    {
        var net = new MlpNetwork(sizes, useBias: false, dropoutRate: 0f, DropoutConvention.Inverted, OutputActivation.Linear);
        for (int l = 0; l < weights.Length; l++) weights[l].CopyTo(net.Weights[l], 0);
        return net;
    }

    /// <summary>Sleep options with plain numbers: g ≡ 1, decay 0.5, threshold 1.</summary>
    public static SleepOptions PlainOptions(params double[] beta) => new()
    {
        Beta = beta,
        Decay = 0.5,
        Threshold = 1.0,
        Increase = 0.1,
        Decrease = 0.01,
        WeightFunction = SleepWeightFunction.Constant,
    };
}
