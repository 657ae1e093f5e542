using Microsoft.ML.Data;
using Microsoft.ML.Datasets;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Data.LoadMnist(...)</c> and friends: MNIST-format data sets as <see cref="IDataView"/>s with
/// a <c>Features</c> column (Vector&lt;Single, 784&gt;, pixels scaled to [0, 1], row-major 28 × 28, with
/// <c>ImageHeight</c>/<c>ImageWidth</c> annotations of 28) and a <c>Label</c> column (Single holding the
/// class 0–9, as in ML.NET's MNIST samples; <c>MapValueToKey("Label")</c> turns it into a key).
/// </summary>
public static class MnistCatalog
{
    public const string FeaturesColumnName = "Features";
    public const string LabelColumnName = "Label";
    public const string ImageHeightAnnotation = "ImageHeight";
    public const string ImageWidthAnnotation = "ImageWidth";

    /// <summary>MNIST digits. <paramref name="dataDir"/>: a folder holding the IDX files, or a data root with an
    /// <c>mnist</c> folder; null to search and, if need be, download (see <see cref="DatasetLocator"/>).</summary>
    public static IDataView LoadMnist(this DataOperationsCatalog catalog, MnistSplit split, string? dataDir = null, DatasetLocator? locator = null) =>
        catalog.LoadFromMnistArrays(catalog.ReadMnistArrays(MnistVariant.Mnist, split, dataDir, locator));

    /// <summary>Fashion-MNIST (same format; folder <c>fashion-mnist</c>).</summary>
    public static IDataView LoadFashionMnist(this DataOperationsCatalog catalog, MnistSplit split, string? dataDir = null, DatasetLocator? locator = null) =>
        catalog.LoadFromMnistArrays(catalog.ReadMnistArrays(MnistVariant.FashionMnist, split, dataDir, locator));

    /// <summary>
    /// Split MNIST-style continual-learning tasks: one view per label group (default {0,1}, {2,3}, …, {8,9}),
    /// each holding at most <paramref name="maxRowsPerTask"/> images, the first ones in data-set order.
    /// </summary>
    public static IDataView[] LoadMnistTasks(this DataOperationsCatalog catalog, MnistSplit split,
        IReadOnlyList<IReadOnlyList<int>>? labelGroups = null, int maxRowsPerTask = int.MaxValue,
        MnistVariant variant = MnistVariant.Mnist, string? dataDir = null, DatasetLocator? locator = null)
    {
        var data = catalog.ReadMnistArrays(variant, split, dataDir, locator);
        return data.SplitByLabelGroups(labelGroups ?? LabelSplits.ConsecutiveGroups(), maxRowsPerTask)
            .Select(catalog.LoadFromMnistArrays)
            .ToArray();
    }

    /// <summary>The arrays behind <see cref="LoadMnist"/>, found (or downloaded) the same way; download progress
    /// goes to the context's log.</summary>
    public static MnistArrays ReadMnistArrays(this DataOperationsCatalog catalog, MnistVariant variant, MnistSplit split,
        string? dataDir = null, DatasetLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var channel = catalog.Context.Start("LoadMnist");
        string directory = (locator ?? DatasetLocator.Default).LocateMnist(variant, split, dataDir, new ChannelProgress(channel));
        return MnistIdx.Read(directory, split);
    }

    /// <summary>A view over MNIST-format arrays (the arrays are used, not copied).</summary>
    public static IDataView LoadFromMnistArrays(this DataOperationsCatalog catalog, MnistArrays data)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        var shape = new DataViewSchema.Annotations.Builder();
        shape.AddPrimitiveValue(ImageHeightAnnotation, NumberDataViewType.Int32, MnistArrays.ImageSide);
        shape.AddPrimitiveValue(ImageWidthAnnotation, NumberDataViewType.Int32, MnistArrays.ImageSide);
        var labels = Array.ConvertAll(data.Labels, label => (float)label);
        return new ArrayDataViewBuilder()
            .AddColumn(FeaturesColumnName, NumberDataViewType.Single, MnistArrays.PixelsPerImage, data.Pixels, shape.ToAnnotations())
            .AddColumn(LabelColumnName, NumberDataViewType.Single, labels)
            .GetDataView();
    }
}
