using Microsoft.ML;
using Microsoft.ML.BpSom;
using Microsoft.ML.Data;

namespace GettingStarted;

/// <summary>One image: 784 pixels in [0, 1] and its digit.</summary>
public sealed class DigitInput
{
    [VectorType(784)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>What the pipeline predicts for one image.</summary>
public sealed class DigitPrediction
{
    public float PredictedLabel { get; set; }

    public float[] Score { get; set; } = [];
}

internal static class ModelExtensions
{
    /// <summary>The BP-SOM model parameters inside the fitted pipeline.</summary>
    public static BpSomModelParameters GetBpSomModel(this ITransformer model) =>
        ((IEnumerable<ITransformer>)model).OfType<MulticlassPredictionTransformer<BpSomModelParameters>>().Single().Model;
}

internal static class SampleArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out int value) || value <= 0)
            throw new ArgumentException($"{name} needs a positive integer.");
        return value;
    }
}
