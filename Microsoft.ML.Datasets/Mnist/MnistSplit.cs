namespace Microsoft.ML.Datasets;

/// <summary>Which half of an MNIST-format data set to read: the 60,000 training images
/// (<c>train-*</c> files) or the 10,000 test images (<c>t10k-*</c> files).</summary>
public enum MnistSplit
{
    Train,
    Test,
}
