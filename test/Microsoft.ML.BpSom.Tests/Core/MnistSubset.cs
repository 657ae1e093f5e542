using Microsoft.ML.Datasets;

namespace Microsoft.ML.BpSom.Tests;

/// <summary>The first examples of the shared MNIST files as trainer input (labels 0-9 become classes 1-10).</summary>
internal static class MnistSubset
{
    public static BpSomExamples Load(MnistSplit split, int count)
    {
        var mnist = MnistIdx.Read(SharedPaths.Mnist, split);
        var labels = mnist.Labels.Take(count).Select(label => label + 1).ToArray();
        return new BpSomExamples(mnist.Pixels.AsSpan(0, count * MnistArrays.PixelsPerImage).ToArray(), labels, MnistArrays.PixelsPerImage, 10);
    }
}
