namespace Microsoft.ML.Datasets;

/// <summary>Dense feature rows (Count×FeatureCount, row-major) with a 0-based class index per row: the in-memory
/// training set of the methods whose trainers work on plain arrays (Sleep Replay, dynamic sparse networks).</summary>
public sealed class LabeledSet
{
    public LabeledSet(float[] features, int[] labels, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (featureCount <= 0) throw new ArgumentOutOfRangeException(nameof(featureCount), $"Feature count is {featureCount}; it must be positive.");
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"{features.Length} feature values do not make {labels.Length} rows of {featureCount}.", nameof(features));
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] < 0) throw new ArgumentException($"Label of row {i} is {labels[i]}; class indices must be ≥ 0.", nameof(labels));
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
    }

    public float[] Features { get; }

    public int[] Labels { get; }

    public int FeatureCount { get; }

    public int Count => Labels.Length;

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public LabeledSet Select(IReadOnlyList<int> indices)
    {
        var features = new float[indices.Count * FeatureCount];
        var labels = new int[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            Row(indices[i]).CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
            labels[i] = Labels[indices[i]];
        }
        return new LabeledSet(features, labels, FeatureCount);
    }

    /// <summary>Indices of the rows whose label is one of <paramref name="classes"/>, in dataset order.</summary>
    public List<int> IndicesOf(IReadOnlyCollection<int> classes)
    {
        var result = new List<int>();
        for (int i = 0; i < Count; i++) if (classes.Contains(Labels[i])) result.Add(i);
        return result;
    }

    /// <summary>Rows of several sets one after another.</summary>
    public static LabeledSet Concat(IReadOnlyList<LabeledSet> sets)
    {
        if (sets.Count == 0) throw new ArgumentException("Nothing to concatenate.", nameof(sets));
        int width = sets[0].FeatureCount;
        if (sets.Any(s => s.FeatureCount != width))
            throw new ArgumentException($"Sets have different feature counts: {string.Join(", ", sets.Select(s => s.FeatureCount))}.", nameof(sets));
        return new LabeledSet(sets.SelectMany(s => s.Features).ToArray(), sets.SelectMany(s => s.Labels).ToArray(), width);
    }

    /// <summary>A copy with Gaussian noise of standard deviation <paramref name="std"/> added to every feature
    /// (clamped to [0, 1], the pixel range), for noise-robustness evaluation.</summary>
    public LabeledSet WithNoise(double std, Random random)
    {
        var noisy = new float[Features.Length];
        for (int i = 0; i < noisy.Length; i++)
        {
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] = Math.Clamp((float)(Features[i] + std * gaussian), 0f, 1f);
        }
        return new LabeledSet(noisy, Labels, FeatureCount);
    }
}
