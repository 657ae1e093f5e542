using System.IO.Compression;
using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural.Tests.Checkpoints;

[TestClass]
public sealed class PyTorchCheckpointTests
{
    private static string Views => FixturePaths.Local("Checkpoints", "fixtures", "views.bin");

    [TestMethod]
    public void Load_ModuleStateDict_ReadsWeightsAndBiasInPickleOrder()
    {
        var sd = PyTorchCheckpoint.Load(Views);

        CollectionAssert.AreEqual(new[] { "linear.weight", "linear.bias", "transposed", "row", "half", "bf16", "double", "ids" }, sd.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { 2, 3 }, sd["linear.weight"].Shape);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 2f, 3f, 4f, 5f }, sd["linear.weight"].Values);
        CollectionAssert.AreEqual(new[] { 10f, 11f }, sd["linear.bias"].Values);
    }

    [TestMethod]
    public void Load_TransposedView_HonoursStrides()
    {
        var t = PyTorchCheckpoint.Load(Views)["transposed"];

        CollectionAssert.AreEqual(new[] { 3, 2 }, t.Shape);
        CollectionAssert.AreEqual(new[] { 0f, 3f, 1f, 4f, 2f, 5f }, t.Values);
    }

    [TestMethod]
    public void Load_RowView_HonoursStorageOffset()
    {
        var t = PyTorchCheckpoint.Load(Views)["row"];

        CollectionAssert.AreEqual(new[] { 3 }, t.Shape);
        CollectionAssert.AreEqual(new[] { 3f, 4f, 5f }, t.Values);
    }

    [TestMethod]
    public void Load_HalfBFloat16DoubleAndInt64Storages_AreConvertedToFloat()
    {
        var sd = PyTorchCheckpoint.Load(Views);

        CollectionAssert.AreEqual(new[] { 0.5f, -2f, 1024f }, sd["half"].Values);
        CollectionAssert.AreEqual(new[] { 1.5f, -0.25f }, sd["bf16"].Values);
        CollectionAssert.AreEqual(new[] { 2, 1 }, sd["double"].Shape);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, sd["double"].Values);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 2f, 3f }, sd["ids"].Values);
    }

    [TestMethod]
    public void Load_BertFixture_HoldsTheSameWeightsAsItsSafetensors()
    {
        var bin = PyTorchCheckpoint.Load(FixturePaths.Shared("bert-tiny-random", "pytorch_model.bin"));
        var st = SafeTensors.Load(FixturePaths.Shared("bert-tiny-random", "model.safetensors"));

        // The .bin uses the early hub names: a 'bert.' prefix and LayerNorm gamma/beta.
        foreach (var (name, t) in st)
        {
            string old = "bert." + name.Replace("LayerNorm.weight", "LayerNorm.gamma").Replace("LayerNorm.bias", "LayerNorm.beta");
            CollectionAssert.AreEqual(t.Shape, bin[old].Shape, name);
            CollectionAssert.AreEqual(t.Values, bin[old].Values, name);
        }
        Assert.AreEqual(st.Count + 7, bin.Count, "the .bin adds seven cls.* pre-training tensors");
    }

    [TestMethod]
    public void Load_PickleCallingAnUnexpectedGlobal_IsRefusedNamingFileGlobalAndTensor()
    {
        string path = FixturePaths.Local("Checkpoints", "fixtures", "evil.bin");

        var ex = Assert.ThrowsExactly<CheckpointException>(() => PyTorchCheckpoint.Load(path));

        Assert.AreEqual("pooler.dense.weight", ex.TensorName);
        StringAssert.Contains(ex.Message, path);
        StringAssert.Contains(ex.Message, "'posix.system' is not allowed");
    }

    [TestMethod]
    public void Load_StorageShorterThanItsElementCount_NamesTheTensor()
    {
        string dir = FixturePaths.NewTempFolder();
        try
        {
            string path = Path.Combine(dir, "short.bin");
            CopyArchive(Views, path, replace: ("views/data/1", new byte[4]));   // linear.bias needs 8 bytes

            var ex = Assert.ThrowsExactly<CheckpointException>(() => PyTorchCheckpoint.Load(path));

            Assert.AreEqual("linear.bias", ex.TensorName);
            StringAssert.Contains(ex.Message, "holds 4 bytes but 2 Float32 elements need 8");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Load_TruncatedFile_NamesTheFile()
    {
        string dir = FixturePaths.NewTempFolder();
        try
        {
            string path = Path.Combine(dir, "cut.bin");
            File.WriteAllBytes(path, File.ReadAllBytes(Views)[..1000]);

            var ex = Assert.ThrowsExactly<CheckpointException>(() => PyTorchCheckpoint.Load(path));

            StringAssert.StartsWith(ex.Message, path);
            StringAssert.Contains(ex.Message, "truncated");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Load_LegacyNonZipPickle_IsRefusedWithAHint()
    {
        string dir = FixturePaths.NewTempFolder();
        try
        {
            string path = Path.Combine(dir, "legacy.bin");
            File.WriteAllBytes(path, [0x80, 0x02, 0x8A, 0x0A]);   // how pre-1.6 torch.save files begin

            var ex = Assert.ThrowsExactly<CheckpointException>(() => PyTorchCheckpoint.Load(path));

            StringAssert.Contains(ex.Message, "legacy (pre-1.6, non-zip) torch.save file");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void CopyArchive(string from, string to, (string Name, byte[] Bytes) replace)
    {
        using var source = ZipFile.OpenRead(from);
        using var target = ZipFile.Open(to, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var output = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
            if (entry.FullName == replace.Name) output.Write(replace.Bytes);
            else { using var input = entry.Open(); input.CopyTo(output); }
        }
    }
}
