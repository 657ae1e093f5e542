using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Microsoft.ML.Datasets.Tests;

[TestClass]
public sealed class MnistIdxTests
{
    private static MnistArrays s_train = null!;
    private static MnistArrays s_test = null!;

    [ClassInitialize]
    public static void ReadSharedMnist(TestContext _)
    {
        s_train = MnistIdx.Read(SharedTestData.Mnist, MnistSplit.Train);
        s_test = MnistIdx.Read(SharedTestData.Mnist, MnistSplit.Test);
    }

    [TestMethod]
    public void Read_SharedMnist_HasTheOfficialCountsAndFirstLabels()
    {
        var (train, test) = (s_train, s_test);
        Assert.AreEqual(60000, train.Count);
        Assert.AreEqual(60000 * 784, train.Pixels.Length);
        Assert.AreEqual(10000, test.Count);
        CollectionAssert.AreEqual(new byte[] { 5, 0, 4, 1, 9 }, train.Labels[..5]);
        CollectionAssert.AreEqual(new byte[] { 7, 2, 1, 0, 4 }, test.Labels[..5]);
    }

    [TestMethod]
    public void Read_SharedMnist_PixelsRebuildTheFilesWithThePublishedMd5()
    {
        // MD5s of the uncompressed IDX files as published with MNIST: scaling by 1/255 must be exact and lossless.
        var (train, test) = (s_train, s_test);
        Assert.AreEqual("6bbc9ace898e44ae57da46a324031adb", Md5OfImageFile(train));
        Assert.AreEqual("a25bea736e30d166cdddb491f175f624", Md5OfLabelFile(train));
        Assert.AreEqual("2646ac647ad5339dbf082846283269ea", Md5OfImageFile(test));
        Assert.AreEqual("27ae3e4e09519cfbb04c329615203637", Md5OfLabelFile(test));
        Assert.AreEqual(0f, test.Pixels.Min());
        Assert.AreEqual(1f, test.Pixels.Max());
    }

    [TestMethod]
    public void Read_RawUncompressedFiles_GivesPixelsOverTwoFiftyFive()
    {
        using var folder = new TempFolder();
        IdxTestFiles.Write(folder.File("t10k-images-idx3-ubyte"), IdxTestFiles.Images(2, first: 255, second: 51));
        IdxTestFiles.Write(folder.File("t10k-labels-idx1-ubyte"), IdxTestFiles.Labels(3, 8));
        var data = MnistIdx.Read(folder.Path, MnistSplit.Test);
        Assert.AreEqual(2, data.Count);
        CollectionAssert.AreEqual(new byte[] { 3, 8 }, data.Labels);
        Assert.AreEqual(1f, data.Image(0)[0]);
        Assert.AreEqual(0.2f, data.Image(1)[783]);
    }

    [TestMethod]
    public void Read_TruncatedGzip_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        string images = folder.File("t10k-images-idx3-ubyte.gz");
        IdxTestFiles.WriteGzip(images, IdxTestFiles.Images(2, first: 1, second: 2));
        var bytes = File.ReadAllBytes(images);
        File.WriteAllBytes(images, bytes[..(bytes.Length / 2)]);
        IdxTestFiles.WriteGzip(folder.File("t10k-labels-idx1-ubyte.gz"), IdxTestFiles.Labels(1, 2));

        var e = Assert.ThrowsExactly<InvalidDataException>(() => MnistIdx.Read(folder.Path, MnistSplit.Test));
        StringAssert.Contains(e.Message, images);
    }

    [TestMethod]
    public void Read_WrongMagicNumber_ThrowsNamingFileAndNumbers()
    {
        using var folder = new TempFolder();
        string labels = folder.File("t10k-labels-idx1-ubyte");
        IdxTestFiles.Write(folder.File("t10k-images-idx3-ubyte"), IdxTestFiles.Images(1, first: 0, second: 0));
        // A 3-dimensional header where a 1-dimensional label file belongs.
        IdxTestFiles.Write(labels, IdxTestFiles.Images(1, first: 0, second: 0));

        var e = Assert.ThrowsExactly<InvalidDataException>(() => MnistIdx.Read(folder.Path, MnistSplit.Test));
        StringAssert.Contains(e.Message, labels);
        StringAssert.Contains(e.Message, "0x00000803");
        StringAssert.Contains(e.Message, "0x00000801");
    }

    [TestMethod]
    public void Read_LabelAndImageCountsDisagree_ThrowsNamingBothFiles()
    {
        using var folder = new TempFolder();
        IdxTestFiles.Write(folder.File("train-images-idx3-ubyte"), IdxTestFiles.Images(2, first: 0, second: 0));
        IdxTestFiles.Write(folder.File("train-labels-idx1-ubyte"), IdxTestFiles.Labels(1, 2, 3));

        var e = Assert.ThrowsExactly<InvalidDataException>(() => MnistIdx.Read(folder.Path, MnistSplit.Train));
        StringAssert.Contains(e.Message, "train-images-idx3-ubyte");
        StringAssert.Contains(e.Message, "train-labels-idx1-ubyte");
        StringAssert.Contains(e.Message, "3 labels");
    }

    [TestMethod]
    public void Read_ExtraBytesAfterTheData_ThrowsNamingTheFile()
    {
        using var folder = new TempFolder();
        string labels = folder.File("t10k-labels-idx1-ubyte");
        IdxTestFiles.Write(folder.File("t10k-images-idx3-ubyte"), IdxTestFiles.Images(1, first: 0, second: 0));
        IdxTestFiles.Write(labels, [.. IdxTestFiles.Labels(4), 9]);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => MnistIdx.Read(folder.Path, MnistSplit.Test));
        StringAssert.Contains(e.Message, labels);
    }

    [TestMethod]
    public void Read_MissingFiles_ThrowsNamingBothCandidateNames()
    {
        using var folder = new TempFolder();
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => MnistIdx.Read(folder.Path, MnistSplit.Train));
        StringAssert.Contains(e.Message, "train-images-idx3-ubyte.gz");
    }

    private static string Md5OfImageFile(MnistArrays data)
    {
        var bytes = new byte[16 + data.Pixels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), data.Count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), 28);
        for (int i = 0; i < data.Pixels.Length; i++) bytes[16 + i] = (byte)Math.Round(data.Pixels[i] * 255f);
        return Convert.ToHexStringLower(MD5.HashData(bytes));
    }

    private static string Md5OfLabelFile(MnistArrays data)
    {
        var bytes = new byte[8 + data.Count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), data.Count);
        data.Labels.CopyTo(bytes, 8);
        return Convert.ToHexStringLower(MD5.HashData(bytes));
    }
}
