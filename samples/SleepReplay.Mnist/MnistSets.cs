using Microsoft.ML.Datasets;
using Microsoft.ML.SleepReplay;

/// <summary>MNIST IDX files as <see cref="LabeledSet"/>s.</summary>
internal static class MnistSets
{
    public static LabeledSet Load(string directory, MnistSplit split)
    {
        var arrays = MnistIdx.Read(directory, split);
        return new LabeledSet(arrays.Pixels, arrays.Labels.Select(b => (int)b).ToArray(), MnistArrays.PixelsPerImage);
    }
}
