namespace Microsoft.ML.Datasets;

/// <summary>Data sets stored in MNIST's IDX format: 28×28 grey images, 10 classes, 60,000 + 10,000 images.</summary>
public enum MnistVariant
{
    /// <summary>Handwritten digits (LeCun, Cortes, Burges). Folder <c>mnist</c>.</summary>
    Mnist,

    /// <summary>Zalando's clothing images (Xiao, Rasul, Vollgraf 2017). Folder <c>fashion-mnist</c>.</summary>
    FashionMnist,
}
