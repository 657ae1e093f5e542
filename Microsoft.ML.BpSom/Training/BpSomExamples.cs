namespace Microsoft.ML.BpSom;

/// <summary>A data set in the form the online trainer reads: row-major features and 1-based class labels
/// (1..classCount, the numbering of ML.NET key values and of SOM cell labels).</summary>
internal sealed class BpSomExamples
{
    public BpSomExamples(float[] features, int[] labels, int featureCount, int classCount)
    {
        if (featureCount < 1) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "Examples need at least one feature.");
        if (labels.Length == 0) throw new ArgumentException("The data set has no examples.", nameof(labels));
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"{labels.Length} examples of {featureCount} features need {labels.Length * featureCount} values, got {features.Length}.", nameof(features));
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] < 1 || labels[i] > classCount)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Row {i}: label {labels[i]} lies outside the classes 1..{classCount}.");
        int firstBad = IndexOfNonFinite(features);
        if (firstBad >= 0)
            throw new ArgumentException(
                $"Row {firstBad / featureCount}, feature {firstBad % featureCount}: {features[firstBad]} is not a finite number.", nameof(features));
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
        ClassCount = classCount;
    }

    public float[] Features { get; }
    public int[] Labels { get; }
    public int FeatureCount { get; }
    public int ClassCount { get; }
    public int Count => Labels.Length;

    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);
}
