using Microsoft.ML.Neural.Bert;
using Microsoft.ML.Neural.Checkpoints;
using Microsoft.ML.Neural.Tests.Checkpoints;

namespace Microsoft.ML.Neural.Tests.Bert;

[TestClass]
public sealed class BertCheckpointTests
{
    private static string TinyFolder => FixturePaths.Local("Bert", "fixtures", "bert-l3-h64-a4-i96");
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder() => _dir = FixturePaths.NewTempFolder();

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    [DataRow("bert.encoder.layer.0.attention.output.LayerNorm.gamma", "encoder.layer.0.attention.output.LayerNorm.weight")]
    [DataRow("bert.embeddings.LayerNorm.beta", "embeddings.LayerNorm.bias")]
    [DataRow("pooler.dense.weight", "pooler.dense.weight")]
    [DataRow("bert.cls.predictions.bias", null)]
    [DataRow("cls.seq_relationship.weight", null)]
    [DataRow("bert.embeddings.position_ids", null)]
    public void CanonicalName_AcceptsBothKeyStylesAndIgnoresHeadsAndBuffers(string key, string? expected)
    {
        Assert.AreEqual(expected, BertCheckpoint.CanonicalName(key));
    }

    [TestMethod]
    public void LoadFolder_ConfigSizesDisagreeingWithTheWeights_NamesTheFileAndTensor()
    {
        CopyFixture(configEdit: json => json.Replace("\"hidden_size\": 64", "\"hidden_size\": 32"));

        var ex = Assert.ThrowsExactly<CheckpointException>(() => BertCheckpoint.LoadFolder(_dir));

        Assert.AreEqual(Path.Combine(_dir, "model.safetensors"), ex.FilePath);
        Assert.AreEqual("embeddings.LayerNorm.bias", ex.TensorName);
        StringAssert.Contains(ex.Message, "has shape [64] but the configuration (hidden_size 32");
    }

    [TestMethod]
    public void LoadFolder_ConfigWithMoreLayersThanTheWeights_ListsTheMissingTensors()
    {
        CopyFixture(configEdit: json => json.Replace("\"num_hidden_layers\": 3", "\"num_hidden_layers\": 4"));

        var ex = Assert.ThrowsExactly<CheckpointException>(() => BertCheckpoint.LoadFolder(_dir));

        Assert.AreEqual("encoder.layer.3.attention.self.query.weight", ex.TensorName);
        StringAssert.Contains(ex.Message, "16 parameter(s) missing");
    }

    [TestMethod]
    public void LoadWeights_NotStrict_ReportsUnexpectedAndMissingKeysByName()
    {
        var model = new BertModel(BertConfig.FromJsonFile(Path.Combine(TinyFolder, "config.json")) with { NumHiddenLayers = 2 });

        var report = BertCheckpoint.LoadWeights(model, Path.Combine(TinyFolder, "model.safetensors"), strict: false);

        Assert.IsEmpty(report.Missing);
        Assert.HasCount(16, report.Unexpected);
        Assert.IsTrue(report.Unexpected.All(k => k.StartsWith("encoder.layer.2.", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void LoadWeights_TheSameParameterUnderBothNames_NamesBothKeys()
    {
        var model = new BertModel(BertConfig.FromJsonFile(Path.Combine(TinyFolder, "config.json")));
        var stateDict = new Dictionary<string, TensorData>(SafeTensors.Load(Path.Combine(TinyFolder, "model.safetensors")))
        {
            ["bert.embeddings.LayerNorm.gamma"] = new([64], new float[64]),
        };

        var ex = Assert.ThrowsExactly<CheckpointException>(() => BertCheckpoint.LoadWeights(model, stateDict, "merged"));

        Assert.AreEqual("bert.embeddings.LayerNorm.gamma", ex.TensorName);
        StringAssert.Contains(ex.Message, "is the same parameter as 'embeddings.LayerNorm.weight'");
    }

    [TestMethod]
    public void LoadFolder_WithOnlyTheBin_ReadsThePyTorchFileAndIgnoresPretrainingHeads()
    {
        CopyFixture(keepSafetensors: false);

        var model = BertCheckpoint.LoadFolder(_dir);
        var expected = SafeTensors.Load(Path.Combine(TinyFolder, "model.safetensors"));

        CollectionAssert.AreEqual(expected["pooler.dense.weight"].Values, model.Parameters["pooler.dense.weight"].Of(model.Parameters.Values).ToArray());
    }

    [TestMethod]
    public void Save_ThenLoadFolder_RestoresFineTunedWeightsExactly()
    {
        var model = BertCheckpoint.LoadFolder(TinyFolder);
        model.Parameters.Values[123] += 0.5f;   // a "fine-tuned" weight
        CopyFixture(keepSafetensors: false, keepBin: false);

        BertCheckpoint.Save(model, Path.Combine(_dir, "model.safetensors"));
        var reloaded = BertCheckpoint.LoadFolder(_dir);

        CollectionAssert.AreEqual(model.Parameters.Values, reloaded.Parameters.Values);
    }

    [TestMethod]
    public void LoadFolder_TruncatedSafetensors_NamesTheFileAndTheFirstTensorCut()
    {
        CopyFixture(keepBin: false);
        string path = Path.Combine(_dir, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var ex = Assert.ThrowsExactly<CheckpointException>(() => BertCheckpoint.LoadFolder(_dir));

        Assert.AreEqual(path, ex.FilePath);
        Assert.AreEqual("pooler.dense.weight", ex.TensorName);   // the last tensor in the file's (sorted) order
    }

    private void CopyFixture(Func<string, string>? configEdit = null, bool keepSafetensors = true, bool keepBin = true)
    {
        string config = File.ReadAllText(Path.Combine(TinyFolder, "config.json"));
        File.WriteAllText(Path.Combine(_dir, "config.json"), configEdit is null ? config : configEdit(config));
        if (keepSafetensors) File.Copy(Path.Combine(TinyFolder, "model.safetensors"), Path.Combine(_dir, "model.safetensors"));
        if (keepBin) File.Copy(Path.Combine(TinyFolder, "pytorch_model.bin"), Path.Combine(_dir, "pytorch_model.bin"));
    }
}
