using Microsoft.ML.Data;

namespace Microsoft.ML.Datasets.Tests;

[TestClass]
public sealed class MnistCatalogTests
{
    private static readonly MLContext Ml = new(seed: 1);
    private static IDataView s_test = null!;

    [ClassInitialize]
    public static void LoadSharedTestSplit(TestContext _) => s_test = Ml.Data.LoadMnist(MnistSplit.Test, SharedTestData.Mnist);

    [TestMethod]
    public void LoadMnist_TestSplit_HasFeatureVectorsWithImageShapeAndDigitLabels()
    {
        Assert.AreEqual(10000L, s_test.GetRowCount());
        var features = s_test.Schema["Features"];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 784), features.Type);
        int height = 0, width = 0;
        features.Annotations.GetValue("ImageHeight", ref height);
        features.Annotations.GetValue("ImageWidth", ref width);
        Assert.AreEqual((28, 28), (height, width));
        Assert.AreEqual(NumberDataViewType.Single, s_test.Schema["Label"].Type);
        CollectionAssert.AreEqual(new[] { 7f, 2f, 1f, 0f, 4f }, ColumnReader.Read<float>(s_test, "Label")[..5]);
    }

    [TestMethod]
    public void LoadMnist_Features_ArePixelsOverTwoFiftyFive()
    {
        var first = ColumnReader.ReadVectors<float>(s_test, "Features")[0];
        var expected = MnistIdx.Read(SharedTestData.Mnist, MnistSplit.Test).Image(0).ToArray();
        CollectionAssert.AreEqual(expected, first);
        // The first test image (a 7) has 668 background pixels out of 784.
        Assert.AreEqual(668, first.Count(p => p == 0f));
    }

    [TestMethod]
    public void LoadMnist_Label_CanBeMappedToKeys()
    {
        var keyed = Ml.Transforms.Conversion.MapValueToKey("Label").Fit(s_test).Transform(s_test);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 10), keyed.Schema["Label"].Type);
    }

    [TestMethod]
    public void LoadMnistTasks_DefaultGroups_GivesFivePairTasksWithTheirDigitCounts()
    {
        // Test-set digit counts: 0:980 1:1135 2:1032 3:1010 4:982 5:892 6:958 7:1028 8:974 9:1009.
        var tasks = Ml.Data.LoadMnistTasks(MnistSplit.Test, dataDir: SharedTestData.Mnist);
        CollectionAssert.AreEqual(new long?[] { 2115, 2042, 1874, 1986, 1983 }, tasks.Select(t => t.GetRowCount()).ToArray());
        CollectionAssert.AreEquivalent(new[] { 4f, 5f }, ColumnReader.Read<float>(tasks[2], "Label").Distinct().ToArray());
    }

    [TestMethod]
    public void LoadMnistTasks_MaxRowsPerTask_KeepsTheFirstRowsOfEachGroup()
    {
        var tasks = Ml.Data.LoadMnistTasks(MnistSplit.Test, [[7, 2], [1]], maxRowsPerTask: 3, dataDir: SharedTestData.Mnist);
        // The test set starts 7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, …
        CollectionAssert.AreEqual(new[] { 7f, 2f, 7f }, ColumnReader.Read<float>(tasks[0], "Label"));
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, ColumnReader.Read<float>(tasks[1], "Label"));
    }

    [TestMethod]
    public void LoadFashionMnist_DataRoot_ReadsTheFashionMnistFolder()
    {
        using var root = new TempFolder();
        string folder = Directory.CreateDirectory(Path.Combine(root.Path, "fashion-mnist")).FullName;
        IdxTestFiles.WriteGzip(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), IdxTestFiles.Images(2, first: 255, second: 0));
        IdxTestFiles.WriteGzip(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), IdxTestFiles.Labels(9, 3));

        var view = Ml.Data.LoadFashionMnist(MnistSplit.Test, root.Path);

        CollectionAssert.AreEqual(new[] { 9f, 3f }, ColumnReader.Read<float>(view, "Label"));
        Assert.AreEqual(1f, ColumnReader.ReadVectors<float>(view, "Features")[0][0]);
    }

    [TestMethod]
    public void LoadMnist_Download_ReportsProgressThroughTheContextLog()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        foreach (string name in new[] { "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
            server.Serve("mnist/" + name, File.ReadAllBytes(Path.Combine(SharedTestData.Mnist, name)));
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => messages.Add(e.RawMessage);

        var view = ml.Data.LoadMnist(MnistSplit.Test, locator: new DatasetLocator(cache.Path, server.BaseUrl) { DataRoots = [] });

        Assert.AreEqual(10000L, view.GetRowCount());
        CollectionAssert.Contains(messages, "Downloading t10k-labels-idx1-ubyte.gz: 100% (4.4 of 4.4 KB)");
        Assert.IsTrue(messages.Any(m => m.StartsWith("Downloading t10k-images-idx3-ubyte.gz: 100%", StringComparison.Ordinal)));
    }
}
