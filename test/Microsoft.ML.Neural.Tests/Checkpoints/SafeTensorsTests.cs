using System.Buffers.Binary;
using System.Text;
using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural.Tests.Checkpoints;

[TestClass]
public sealed class SafeTensorsTests
{
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder() => _dir = FixturePaths.NewTempFolder();

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void SaveThenLoad_ReturnsTheSameShapesAndValues()
    {
        var tensors = new Dictionary<string, TensorData>
        {
            ["b.weight"] = new([2, 3], [1f, -2f, 3.5f, 0f, 1e-30f, float.MaxValue]),
            ["a.bias"] = new([2], [0.25f, -0.125f]),
            ["scalar"] = new([], [42f]),
        };
        string path = Path.Combine(_dir, "model.safetensors");

        SafeTensors.Save(path, tensors);
        var loaded = SafeTensors.Load(path);

        Assert.HasCount(3, loaded);
        foreach (var (name, t) in tensors)
        {
            CollectionAssert.AreEqual(t.Shape, loaded[name].Shape, name);
            CollectionAssert.AreEqual(t.Values, loaded[name].Values, name);
        }
        Assert.IsEmpty(Directory.GetFiles(_dir, "*.tmp"), "no temporary file is left behind");
    }

    [TestMethod]
    public void Save_WritesTheDocumentedLayout_LengthJsonHeaderPaddedTo8ThenLittleEndianData()
    {
        string path = Path.Combine(_dir, "x.safetensors");
        SafeTensors.Save(path, new Dictionary<string, TensorData> { ["w"] = new([1], [1f]) });

        byte[] bytes = File.ReadAllBytes(path);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        Assert.AreEqual(0, headerLength % 8);
        StringAssert.Contains(header, "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}");
        Assert.AreEqual(8 + headerLength + 4, bytes.Length);
        Assert.AreEqual(1f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(bytes.Length - 4)));
    }

    [TestMethod]
    public void Load_ConvertsF16AndBF16ToFloat()
    {
        // 0x3C00 is 1.0 and 0xC000 is -2.0 in IEEE half; 0x3FC0 is 1.5 and 0xBE80 is -0.25 in bfloat16.
        string path = WriteRaw("""{"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]}}""",
            [0x00, 0x3C, 0x00, 0xC0, 0xC0, 0x3F, 0x80, 0xBE]);

        var loaded = SafeTensors.Load(path);

        CollectionAssert.AreEqual(new[] { 1f, -2f }, loaded["h"].Values);
        CollectionAssert.AreEqual(new[] { 1.5f, -0.25f }, loaded["b"].Values);
    }

    [TestMethod]
    public void Load_TruncatedData_NamesTheFileAndTheTensor()
    {
        string path = WriteRaw("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"enc.w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""",
            new byte[8]);

        var ex = Assert.ThrowsExactly<CheckpointException>(() => SafeTensors.Load(path));

        Assert.AreEqual("enc.w", ex.TensorName);
        StringAssert.Contains(ex.Message, path);
        StringAssert.Contains(ex.Message, "truncated");
    }

    [TestMethod]
    public void Load_FileCutInsideTheHeader_NamesTheFile()
    {
        string path = Path.Combine(_dir, "model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, TensorData> { ["w"] = new([4], new float[4]) });
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..20]);

        var ex = Assert.ThrowsExactly<CheckpointException>(() => SafeTensors.Load(path));

        StringAssert.StartsWith(ex.Message, path);
        StringAssert.Contains(ex.Message, "truncated");
    }

    [TestMethod]
    public void Load_ByteRangeDisagreeingWithTheShape_NamesTheTensor()
    {
        string path = WriteRaw("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", new byte[8]);

        var ex = Assert.ThrowsExactly<CheckpointException>(() => SafeTensors.Load(path));

        Assert.AreEqual("w", ex.TensorName);
        StringAssert.Contains(ex.Message, "needs 12");
    }

    [TestMethod]
    public void Load_UnsupportedDtype_NamesTheTensorAndTheDtype()
    {
        string path = WriteRaw("""{"mask":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}}""", new byte[8]);

        var ex = Assert.ThrowsExactly<CheckpointException>(() => SafeTensors.Load(path));

        Assert.AreEqual("mask", ex.TensorName);
        StringAssert.Contains(ex.Message, "'BOOL'");
    }

    [TestMethod]
    public void Load_HeaderThatIsNotJson_NamesTheFile()
    {
        string path = WriteRaw("{\"w\": [oops", new byte[8]);

        var ex = Assert.ThrowsExactly<CheckpointException>(() => SafeTensors.Load(path));

        Assert.IsNull(ex.TensorName);
        StringAssert.Contains(ex.Message, path);
        StringAssert.Contains(ex.Message, "corrupt header");
    }

    [TestMethod]
    public void Save_ShapeDisagreeingWithValueCount_ThrowsAndWritesNothing()
    {
        string path = Path.Combine(_dir, "bad.safetensors");

        Assert.ThrowsExactly<ArgumentException>(() =>
            SafeTensors.Save(path, new Dictionary<string, TensorData> { ["w"] = new([2, 2], new float[3]) }));

        Assert.IsEmpty(Directory.GetFiles(_dir));
    }

    private string WriteRaw(string header, byte[] data)
    {
        string path = Path.Combine(_dir, "raw.safetensors");
        byte[] h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)h.Length);
        h.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + h.Length);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
