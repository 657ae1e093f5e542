using Microsoft.ML.Datasets;

namespace Microsoft.ML.Experiments.Verbs;

/// <summary>MNIST as the array-based trainers take it (SRC protocol, dynamic sparse sweeps), found the way
/// <c>ml.Data.LoadMnist</c> finds it.</summary>
public static class MnistSets
{
    /// <param name="limit">Keep only the first this many images; 0 keeps all.</param>
    public static LabeledSet Load(string? dataDirectory, MnistSplit split, int limit)
    {
        var mnist = MnistIdx.Read(DatasetLocator.Default.LocateMnist(MnistVariant.Mnist, split, dataDirectory), split);
        int count = limit > 0 ? Math.Min(limit, mnist.Count) : mnist.Count;
        const int features = MnistArrays.PixelsPerImage;
        return new LabeledSet(mnist.Pixels.AsSpan(0, count * features).ToArray(), [.. mnist.Labels.AsSpan(0, count).ToArray().Select(l => (int)l)], features);
    }
}
