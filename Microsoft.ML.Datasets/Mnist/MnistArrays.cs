namespace Microsoft.ML.Datasets;

/// <summary>
/// An MNIST-format split held in flat arrays: <see cref="Pixels"/> is
/// <see cref="Count"/> × 784 floats, row-major (image i occupies
/// <c>[i * 784, (i + 1) * 784)</c>, each image row-major 28 × 28), scaled from bytes to [0, 1];
/// <see cref="Labels"/> holds one class byte per image (0–9 for MNIST and Fashion-MNIST).
/// </summary>
public sealed class MnistArrays
{
    /// <summary>Height and width of one image.</summary>
    public const int ImageSide = 28;

    /// <summary>Floats per image (28 × 28).</summary>
    public const int PixelsPerImage = ImageSide * ImageSide;

    public MnistArrays(float[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Length != labels.Length * PixelsPerImage)
            throw new ArgumentException(
                $"Pixels must hold {PixelsPerImage} floats per label: {labels.Length} labels need {labels.Length * (long)PixelsPerImage} floats, got {pixels.Length}.",
                nameof(pixels));
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>Count × 784 pixel values in [0, 1], row-major.</summary>
    public float[] Pixels { get; }

    /// <summary>One class label per image.</summary>
    public byte[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The 784 pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>A copy holding only the given images, in the order given.</summary>
    public MnistArrays Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pixels = new float[rows.Count * PixelsPerImage];
        var labels = new byte[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            Image(rows[i]).CopyTo(pixels.AsSpan(i * PixelsPerImage, PixelsPerImage));
            labels[i] = Labels[rows[i]];
        }
        return new MnistArrays(pixels, labels);
    }

    /// <summary>One subset per label group (e.g. <see cref="LabelSplits.ConsecutiveGroups"/>), each with at most
    /// <paramref name="maxRowsPerTask"/> images, the first ones in data-set order.</summary>
    public MnistArrays[] SplitByLabelGroups(IReadOnlyList<IReadOnlyList<int>> groups, int maxRowsPerTask = int.MaxValue) =>
        LabelSplits.ByLabelGroups(Labels, groups, maxRowsPerTask).Select(Select).ToArray();

    /// <summary><paramref name="rowsPerClass"/> images of every class, drawn with <paramref name="seed"/>, in data-set order.</summary>
    public MnistArrays StratifiedSubset(int rowsPerClass, int seed) => Select(LabelSplits.Stratified(Labels, rowsPerClass, seed));
}
