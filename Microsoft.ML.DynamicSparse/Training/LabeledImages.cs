namespace Microsoft.ML.DynamicSparse;

/// <summary>Samples as one row-major feature matrix and 0-based class labels.</summary>
public sealed class LabeledImages
{
    public LabeledImages(float[] features, int[] labels, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"{features.Length} feature values do not make {labels.Length} rows of {featureCount}.", nameof(features));
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
    }

    public float[] Features { get; }
    public int[] Labels { get; }
    public int FeatureCount { get; }
    public int Count => Labels.Length;

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>A copy with Gaussian noise of standard deviation <paramref name="std"/> added to every feature
    /// (clamped to [0, 1], the pixel range), for the noise-robustness evaluation.</summary>
    public LabeledImages WithNoise(double std, Random random)
    {
        var noisy = new float[Features.Length];
        for (int i = 0; i < noisy.Length; i++)
        {
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] = Math.Clamp((float)(Features[i] + std * gaussian), 0f, 1f);
        }
        return new LabeledImages(noisy, Labels, FeatureCount);
    }
}
