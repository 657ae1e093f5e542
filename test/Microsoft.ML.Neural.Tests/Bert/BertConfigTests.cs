using Microsoft.ML.Neural.Bert;
using Microsoft.ML.Neural.Tests.Checkpoints;

namespace Microsoft.ML.Neural.Tests.Bert;

[TestClass]
public sealed class BertConfigTests
{
    [TestMethod]
    public void FromJsonFile_ReadsTheHuggingFaceFields()
    {
        var c = BertConfig.FromJsonFile(FixturePaths.Local("Bert", "fixtures", "bert-l3-h64-a4-i96", "config.json"));

        Assert.AreEqual(1050, c.VocabSize);
        Assert.AreEqual(64, c.HiddenSize);
        Assert.AreEqual(3, c.NumHiddenLayers);
        Assert.AreEqual(4, c.NumAttentionHeads);
        Assert.AreEqual(16, c.HeadSize);
        Assert.AreEqual(96, c.IntermediateSize);
        Assert.AreEqual(40, c.MaxPositionEmbeddings);
        Assert.AreEqual(2, c.TypeVocabSize);
        Assert.AreEqual(0.1f, c.HiddenDropoutProb);
        Assert.AreEqual(0.1f, c.AttentionProbsDropoutProb);
        Assert.AreEqual(1e-12f, c.LayerNormEps);
        Assert.AreEqual(0, c.PadTokenId);
    }

    [TestMethod]
    [DataRow("tiny", 2, 128, 2, 512)]
    [DataRow("mini", 4, 256, 4, 1024)]
    [DataRow("small", 4, 512, 8, 2048)]
    [DataRow("medium", 8, 512, 8, 2048)]
    [DataRow("base", 12, 768, 12, 3072)]
    public void Named_GivesTheSizesOfTheBertMiniaturesAndBase(string size, int layers, int hidden, int heads, int intermediate)
    {
        var c = BertConfig.Named(size);

        Assert.AreEqual((layers, hidden, heads, intermediate), (c.NumHiddenLayers, c.HiddenSize, c.NumAttentionHeads, c.IntermediateSize));
        Assert.AreEqual((30522, 512, 2), (c.VocabSize, c.MaxPositionEmbeddings, c.TypeVocabSize));
    }

    [TestMethod]
    public void Named_UnknownSize_ListsTheKnownOnes()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => BertConfig.Named("large"));

        StringAssert.Contains(ex.Message, "tiny, mini, small, medium, base");
    }

    [TestMethod]
    public void FromJsonFile_HiddenSizeNotDivisibleByHeads_NamesTheFileAndFields()
    {
        string path = WriteConfig("""{"hidden_size": 100, "num_attention_heads": 3}""");

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => BertConfig.FromJsonFile(path));

        StringAssert.StartsWith(ex.Message, path);
        StringAssert.Contains(ex.Message, "hidden_size 100 is not a multiple of num_attention_heads 3");
    }

    [TestMethod]
    public void FromJsonFile_ApproximateGelu_IsRefused()
    {
        string path = WriteConfig("""{"hidden_act": "gelu_new"}""");

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => BertConfig.FromJsonFile(path));

        StringAssert.Contains(ex.Message, "hidden_act 'gelu_new' is not supported");
    }

    [TestMethod]
    public void FromJsonFile_FieldOfTheWrongType_NamesTheField()
    {
        string path = WriteConfig("""{"num_hidden_layers": "two"}""");

        var ex = Assert.ThrowsExactly<InvalidDataException>(() => BertConfig.FromJsonFile(path));

        StringAssert.Contains(ex.Message, "num_hidden_layers must be an integer, not \"two\"");
    }

    private static string WriteConfig(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bert-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
