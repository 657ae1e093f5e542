using System.IO.Compression;
using System.Text;
using Microsoft.ML.Compat.Tests.Extensibility;
using Microsoft.ML.Compat.Tests.Support;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Model;

[TestClass]
public sealed class ModelSaveLoadTests
{
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("compat-model-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static IDataView Data() => new ArrayDataViewBuilder()
        .AddColumn("Features", NumberDataViewType.Single, 2, TestData.Features)
        .AddKeyColumn("Label", new[] { "a", "b", "c" }, TestData.Labels)
        .AddColumn("X", NumberDataViewType.Single, Enumerable.Range(0, 10).Select(i => (float)i).ToArray())
        .GetDataView();

    private static ITransformer TrainedPipeline(MLContext ml) =>
        new ScaleToUnitEstimator("Y", "X").Append(new NearestCentroidTrainer(ml)).Fit(Data());

    [TestMethod]
    public void SaveThenLoad_GivesTheSameOutputsAndInputSchema()
    {
        var ml = new MLContext(seed: 1);
        var model = TrainedPipeline(ml);
        string path = Path.Combine(_dir, "model.zip");
        ml.Model.Save(model, Data().Schema, path);

        var loaded = ml.Model.Load(path, out var inputSchema);
        CollectionAssert.AreEqual(Data().Schema.Select(c => c.ToString()).ToArray(), inputSchema.Select(c => c.ToString()).ToArray());
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        inputSchema["Label"].GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, keyValues.DenseValues().Select(k => k.ToString()).ToArray());

        var expected = model.Transform(Data());
        var actual = loaded.Transform(Data());
        CollectionAssert.AreEqual(expected.GetColumn<float>("Y").ToArray(), actual.GetColumn<float>("Y").ToArray());
        CollectionAssert.AreEqual(expected.GetColumn<uint>("PredictedLabel").ToArray(), actual.GetColumn<uint>("PredictedLabel").ToArray());
        var expectedScores = expected.GetColumn<float[]>("Score").SelectMany(s => s).ToArray();
        CollectionAssert.AreEqual(expectedScores, actual.GetColumn<float[]>("Score").SelectMany(s => s).ToArray());
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        actual.Schema["Score"].GetSlotNames(ref slotNames);
        Assert.AreEqual("c", slotNames.GetItemOrDefault(2).ToString());

        var chain = (TransformerChain<MulticlassPredictionTransformer<NearestCentroidModel>>)loaded;
        var original = ((TransformerChain<MulticlassPredictionTransformer<NearestCentroidModel>>)model).LastTransformer;
        CollectionAssert.AreEqual(original.Model.Centroids, chain.LastTransformer.Model.Centroids, "the chain keeps its type, so LastTransformer is typed");
        Assert.AreEqual(1, Directory.GetFiles(_dir).Length, "no temporary file is left behind");
    }

    [TestMethod]
    public void SaveToStream_AndLoadFromStream_RoundTrip()
    {
        var ml = new MLContext();
        var model = new ScaleTransformer("Y", "X", 3);
        using var stream = new MemoryStream();
        ml.Model.Save(model, Data().Schema, stream);
        stream.Position = 0;
        var loaded = (ScaleTransformer)ml.Model.Load(stream, out _);
        Assert.AreEqual(3f, loaded.Factor);
        Assert.AreEqual("Y", loaded.OutputColumn);
    }

    [TestMethod]
    public void Load_OfCorruptFile_NamesTheFile()
    {
        string path = Path.Combine(_dir, "corrupt.zip");
        File.WriteAllText(path, "this is not a zip");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext().Model.Load(path, out _));
        StringAssert.Contains(error.Message, $"Model file '{path}'");
    }

    [TestMethod]
    public void Load_OfTruncatedFile_NamesTheFile()
    {
        var ml = new MLContext();
        string path = Path.Combine(_dir, "model.zip");
        ml.Model.Save(TrainedPipeline(ml), Data().Schema, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ml.Model.Load(path, out _));
        StringAssert.Contains(error.Message, $"Model file '{path}'");
    }

    [TestMethod]
    public void Load_OfNewerFormatVersion_AsksForAnUpgrade()
    {
        var ml = new MLContext();
        string path = Path.Combine(_dir, "newer.zip");
        ml.Model.Save(new ScaleTransformer("Y", "X", 1), Data().Schema, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("FormatVersion")!.Delete();
            using var stream = zip.CreateEntry("FormatVersion").Open();
            stream.Write(Encoding.UTF8.GetBytes("2"));
        }
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ml.Model.Load(path, out _));
        StringAssert.Contains(error.Message, $"Model file '{path}' has format version 2, newer than this build supports (1)");
    }

    [TestMethod]
    public void Load_OfNewerComponentVersion_NamesFileAndEntry()
    {
        var ml = new MLContext();
        string path = Path.Combine(_dir, "component.zip");
        ml.Model.Save(new ScaleTransformer("Y", "X", 1), Data().Schema, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("Model/Data.bin")!;
            byte[] data;
            using (var read = entry.Open())
            using (var copy = new MemoryStream())
            {
                read.CopyTo(copy);
                data = copy.ToArray();
            }
            BitConverter.TryWriteBytes(data.AsSpan(0, 4), 5);
            entry.Delete();
            using var write = zip.CreateEntry("Model/Data.bin").Open();
            write.Write(data);
        }
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ml.Model.Load(path, out _));
        StringAssert.Contains(error.Message, $"Model file '{path}', entry 'Model/': component version 5 is newer than this build supports (1)");
    }

    [TestMethod]
    public void Load_OfUnknownType_SaysTheTypeWasNotFound()
    {
        var ml = new MLContext();
        using var stream = new MemoryStream();
        ml.Model.Save(new ScaleTransformer("Y", "X", 1), Data().Schema, stream);
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("Model/Type")!.Delete();
            using var write = zip.CreateEntry("Model/Type").Open();
            write.Write(Encoding.UTF8.GetBytes("No.Such.Transformer, No.Such.Assembly"));
        }
        stream.Position = 0;
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ml.Model.Load(stream, out _));
        StringAssert.Contains(error.Message, "type 'No.Such.Transformer, No.Such.Assembly' was not found");
    }

    [TestMethod]
    public void Save_OfTransformerThatCannotBeLoaded_FailsAndWritesNoFile()
    {
        string path = Path.Combine(_dir, "unloadable.zip");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            new MLContext().Model.Save(new UnloadableTransformer(), Data().Schema, path));
        StringAssert.Contains(error.Message, "must implement ILoadableModel");
        Assert.AreEqual(0, Directory.GetFiles(_dir).Length);
    }

    private sealed class UnloadableTransformer : ITransformer
    {
        public bool IsRowToRowMapper => false;
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;
        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => throw new NotSupportedException();
        public void Save(ModelSaveContext ctx) => ctx.WriteVersion(1);
        public IDataView Transform(IDataView input) => input;
    }
}
