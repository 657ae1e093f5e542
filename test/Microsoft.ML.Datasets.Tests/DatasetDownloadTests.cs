using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft.ML.Datasets.Tests;

[TestClass]
public sealed class DatasetDownloadTests
{
    private static readonly string[] MnistTestFiles = ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    private static DatasetLocator Locator(TempFolder cache, LocalHttpServer server) =>
        new(cache.Path, server.BaseUrl) { DataRoots = [] };

    private static void ServeSharedMnistTestFiles(LocalHttpServer server)
    {
        // The shared t10k files are the official ones, byte for byte, so their checksums match.
        foreach (string name in MnistTestFiles)
            server.Serve("mnist/" + name, File.ReadAllBytes(Path.Combine(SharedTestData.Mnist, name)));
    }

    [TestMethod]
    public void LocateMnist_FilesNowhere_DownloadsVerifiedFilesIntoTheCacheOnce()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        ServeSharedMnistTestFiles(server);
        var locator = Locator(cache, server);
        var reports = new List<DownloadProgress>();
        var progress = new SynchronousProgress(reports.Add);

        string folder = locator.LocateMnist(MnistVariant.Mnist, MnistSplit.Test, progress: progress);

        Assert.AreEqual(Path.Combine(cache.Path, "mnist"), folder);
        CollectionAssert.AreEqual(MnistTestFiles.Select(f => Path.Combine("mnist", f)).ToArray(), cache.Files());
        Assert.AreEqual(10000, MnistIdx.Read(folder, MnistSplit.Test).Count);
        var last = reports.Last(r => r.FileName == "t10k-images-idx3-ubyte.gz");
        Assert.AreEqual(1648877, last.BytesReceived);
        Assert.AreEqual(1.0, last.Fraction);

        locator.LocateMnist(MnistVariant.Mnist, MnistSplit.Test);
        Assert.AreEqual(2, server.Requests.Count, "The second call must use the cache.");
    }

    [TestMethod]
    public void LocateMnist_ChecksumMismatch_ThrowsNamingTheFileAndLeavesNothingInTheCache()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        ServeSharedMnistTestFiles(server);
        server.Serve("mnist/t10k-images-idx3-ubyte.gz", new byte[1648877]); // right size, wrong bytes

        var e = Assert.ThrowsExactly<InvalidDataException>(() => Locator(cache, server).LocateMnist(MnistVariant.Mnist, MnistSplit.Test));

        StringAssert.Contains(e.Message, "t10k-images-idx3-ubyte.gz");
        StringAssert.Contains(e.Message, "Checksum mismatch");
        StringAssert.Contains(e.Message, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6");
        CollectionAssert.AreEqual(Array.Empty<string>(), cache.Files());
    }

    [TestMethod]
    public void LocateMnist_ServerSendsTooFewBytes_ThrowsAndLeavesNoPartialFile()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        ServeSharedMnistTestFiles(server);
        var labels = File.ReadAllBytes(Path.Combine(SharedTestData.Mnist, "t10k-labels-idx1-ubyte.gz"));
        server.Serve("mnist/t10k-labels-idx1-ubyte.gz", labels[..1000]);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => Locator(cache, server).LocateMnist(MnistVariant.Mnist, MnistSplit.Test));

        StringAssert.Contains(e.Message, "t10k-labels-idx1-ubyte.gz");
        StringAssert.Contains(e.Message, "1000 bytes");
        // The images arrived whole and verified; of the labels nothing remains.
        CollectionAssert.AreEqual(new[] { Path.Combine("mnist", "t10k-images-idx3-ubyte.gz") }, cache.Files());
    }

    [TestMethod]
    public void LocateMnist_NotFoundOnServer_ThrowsHttpErrorListingWhereItLooked()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();

        var e = Assert.ThrowsExactly<HttpRequestException>(() => Locator(cache, server).LocateMnist(MnistVariant.FashionMnist, MnistSplit.Train));

        StringAssert.Contains(e.Message, "404");
        StringAssert.Contains(e.Message, "train-images-idx3-ubyte.gz");
        StringAssert.Contains(e.Message, Path.Combine(cache.Path, "fashion-mnist"));
        Assert.AreEqual("/fashion-mnist/train-images-idx3-ubyte.gz", server.Requests.Single());
        CollectionAssert.AreEqual(Array.Empty<string>(), cache.Files());
    }

    [TestMethod]
    public void LocateMnist_Cancelled_ThrowsAndLeavesNothingInTheCache()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        ServeSharedMnistTestFiles(server);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            Locator(cache, server).LocateMnist(MnistVariant.Mnist, MnistSplit.Test, cancellationToken: cancelled.Token));

        CollectionAssert.AreEqual(Array.Empty<string>(), cache.Files());
    }

    [TestMethod]
    public void LocateMnist_DownloadSwitchedOff_ThrowsListingTheFoldersTried()
    {
        using var cache = new TempFolder();
        var locator = new DatasetLocator(cache.Path) { DataRoots = [], AllowDownload = false };
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => locator.LocateMnist(MnistVariant.Mnist, MnistSplit.Train));
        StringAssert.Contains(e.Message, Path.Combine(cache.Path, "mnist"));
        StringAssert.Contains(e.Message, "switched off");
    }

    [TestMethod]
    public void LocateMnist_DataRootBeforeCache_IsUsedWithoutDownloading()
    {
        using var cache = new TempFolder();
        var locator = new DatasetLocator(cache.Path) { DataRoots = [SharedTestData.DataFolder], AllowDownload = false };
        Assert.AreEqual(SharedTestData.Mnist, locator.LocateMnist(MnistVariant.Mnist, MnistSplit.Train));
    }

    [TestMethod]
    public void DefaultDataRoots_StartWithTheEnvironmentVariableAndFindSharedDataAbove()
    {
        string? saved = Environment.GetEnvironmentVariable(DatasetLocator.DataDirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetLocator.DataDirectoryVariable, "/data/from-environment");
            var roots = DatasetLocator.DefaultDataRoots().ToArray();
            Assert.AreEqual("/data/from-environment", roots[0]);
            CollectionAssert.Contains(roots, SharedTestData.DataFolder);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetLocator.DataDirectoryVariable, saved);
        }
    }

    [TestMethod]
    public void FetchArchive_VerifiedZip_MovesTheTaskFolderIntoPlace()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        byte[] zip = Zip(("SST-2/train.tsv", "sentence\tlabel\ngood\t1\nbad\t0"), ("SST-2/dev.tsv", "sentence\tlabel\nfine\t1\n"));
        server.Serve("glue/SST-2.zip", zip);
        var archive = new RemoteFile("SST-2.zip", new Uri(server.BaseUrl, "glue/SST-2.zip"), zip.Length, Sha256(zip));
        string target = Path.Combine(cache.Path, "glue", "SST-2");

        GlueFetcher.FetchArchive(archive, target, Download);

        CollectionAssert.AreEqual(new[] { Path.Combine("glue", "SST-2", "dev.tsv"), Path.Combine("glue", "SST-2", "train.tsv") }, cache.Files());
        var train = new MLContext().Data.LoadGlue(GlueTask.Sst2, GlueSplit.Train, target);
        CollectionAssert.AreEqual(new[] { "good", "bad" }, ColumnReader.ReadText(train, "Sentence1"));
    }

    [TestMethod]
    public void FetchArchive_ChecksumMismatch_LeavesNeitherTaskFolderNorStagingFiles()
    {
        using var cache = new TempFolder();
        using var server = new LocalHttpServer();
        byte[] zip = Zip(("RTE/train.tsv", "index\tsentence1\tsentence2\tlabel\n0\ta\tb\tentailment"));
        server.Serve("glue/RTE.zip", zip);
        var archive = new RemoteFile("RTE.zip", new Uri(server.BaseUrl, "glue/RTE.zip"), zip.Length, new string('0', 64));

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GlueFetcher.FetchArchive(archive, Path.Combine(cache.Path, "glue", "RTE"), Download));

        StringAssert.Contains(e.Message, "RTE.zip");
        CollectionAssert.AreEqual(Array.Empty<string>(), cache.Files());
        CollectionAssert.AreEqual(Array.Empty<string>(), Directory.GetDirectories(Path.Combine(cache.Path, "glue")));
    }

    [TestMethod]
    public void FetchMrpc_SplitsTheCorpusByDevIdsAsGlueDoes()
    {
        using var cache = new TempFolder();
        using var sources = new TempFolder();
        const string header = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String";
        File.WriteAllText(sources.File("msr_paraphrase_train.txt"),
            "\uFEFF" + header + "\r\n1\t702876\t702977\tAmrozi accused his brother.\tReferring to him.\r\n0\t2108705\t2108831\tYucaipa owned Dominick 's.\tYucaipa bought Dominick 's.\r\n1\t1330381\t1330521\tThey had published.\tOn Jan. 8 , they published.\r\n");
        File.WriteAllText(sources.File("msr_paraphrase_test.txt"),
            "\uFEFF" + header + "\r\n1\t1089874\t1089925\tPCCW 's chief.\tCurrent Chief.\r\n0\t3019446\t3019327\tThe world 's two.\tThe two.\r\n");
        File.WriteAllText(sources.File("mrpc_dev_ids.tsv"), "2108705\t2108831\n");
        string target = Path.Combine(cache.Path, "glue", "MRPC");

        GlueFetcher.FetchMrpc(target, (file, path) => File.Copy(sources.File(file.FileName), path), CancellationToken.None);

        var utf8Bom = new byte[] { 0xEF, 0xBB, 0xBF };
        CollectionAssert.AreEqual(utf8Bom, File.ReadAllBytes(Path.Combine(target, "train.tsv"))[..3]);
        Assert.AreEqual(header + "\n1\t702876\t702977\tAmrozi accused his brother.\tReferring to him.\n1\t1330381\t1330521\tThey had published.\tOn Jan. 8 , they published.\n",
            File.ReadAllText(Path.Combine(target, "train.tsv")));
        Assert.AreEqual(header + "\n0\t2108705\t2108831\tYucaipa owned Dominick 's.\tYucaipa bought Dominick 's.\n", File.ReadAllText(Path.Combine(target, "dev.tsv")));
        Assert.AreEqual("index\t#1 ID\t#2 ID\t#1 String\t#2 String\n0\t1089874\t1089925\tPCCW 's chief.\tCurrent Chief.\n1\t3019446\t3019327\tThe world 's two.\tThe two.\n",
            File.ReadAllText(Path.Combine(target, "test.tsv")));
        var test = new MLContext().Data.LoadGlue(GlueTask.Mrpc, GlueSplit.Test, target);
        Assert.AreEqual(2L, test.GetRowCount());
    }

    private static void Download(RemoteFile file, string path)
    {
        using var client = new HttpClient();
        FileDownloader.Download(client, file, file.Url, path, null, CancellationToken.None);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed class SynchronousProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
