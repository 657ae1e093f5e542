namespace Microsoft.ML.Trainers;

/// <summary>
/// Up to a batch size of rows: dense features (row-major, <see cref="Count"/> × <see cref="FeatureCount"/>) and
/// 0-based class indices. A reader reuses one instance for all its batches; copy what must outlive the next batch.
/// </summary>
public sealed class MiniBatch
{
    private readonly float[] _features;
    private readonly int[] _labels;

    internal MiniBatch(int capacity, int featureCount)
    {
        FeatureCount = featureCount;
        _features = new float[capacity * featureCount];
        _labels = new int[capacity];
    }

    /// <summary>Rows in this batch.</summary>
    public int Count { get; internal set; }

    public int FeatureCount { get; }

    /// <summary>Features of the batch's rows, row-major.</summary>
    public ReadOnlySpan<float> Features => _features.AsSpan(0, Count * FeatureCount);

    /// <summary>Class index (key − 1) of each row.</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    internal Span<float> FeatureRow(int row) => _features.AsSpan(row * FeatureCount, FeatureCount);
    internal int[] LabelBuffer => _labels;
}
