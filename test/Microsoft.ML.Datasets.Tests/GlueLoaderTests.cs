using Microsoft.ML.Data;

namespace Microsoft.ML.Datasets.Tests;

[TestClass]
public sealed class GlueLoaderTests
{
    private readonly MLContext _ml = new(seed: 1);

    [TestMethod]
    [DataRow(GlueTask.Sst2, "SST-2", 67349, 872)]
    [DataRow(GlueTask.Mrpc, "MRPC", 3668, 408)]
    [DataRow(GlueTask.Cola, "CoLA", 8551, 1043)]
    public void LoadGlue_SharedTask_HasTheOfficialRowCounts(GlueTask task, string folder, int trainRows, int devRows)
    {
        var train = _ml.Data.LoadGlue(task, GlueSplit.Train, SharedTestData.Glue(folder));
        var dev = _ml.Data.LoadGlue(task, GlueSplit.Dev, SharedTestData.Glue(folder));
        Assert.AreEqual(trainRows, train.GetRowCount());
        Assert.AreEqual(devRows, dev.GetRowCount());
        Assert.AreEqual(trainRows, ColumnReader.ReadText(train, "Label").Length);
        CollectionAssert.AreEquivalent(new[] { "0", "1" }, ColumnReader.ReadText(train, "Label").Distinct().ToArray());
    }

    [TestMethod]
    public void LoadGlue_WithoutDataDir_FindsSharedDataAboveTheCurrentFolder()
    {
        var dev = _ml.Data.LoadGlue(GlueTask.Cola, GlueSplit.Dev);
        Assert.AreEqual(1043L, dev.GetRowCount());
    }

    [TestMethod]
    public void LoadGlue_Sst2_GivesSentenceLabelAndRowIndexColumns()
    {
        var dev = _ml.Data.LoadGlue(GlueTask.Sst2, GlueSplit.Dev, SharedTestData.DataFolder);
        CollectionAssert.AreEqual(new[] { "Sentence1", "Label", "RowIndex" }, ColumnReader.ColumnNames(dev));
        Assert.AreEqual(TextDataViewType.Instance, dev.Schema["Label"].Type);
        Assert.AreEqual(NumberDataViewType.Int32, dev.Schema["RowIndex"].Type);
        Assert.AreEqual("it 's a charming and often affecting journey . ", ColumnReader.ReadText(dev, "Sentence1")[0]);
        Assert.AreEqual("1", ColumnReader.ReadText(dev, "Label")[0]);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, ColumnReader.Read<int>(dev, "RowIndex")[..3]);
    }

    [TestMethod]
    public void LoadGlue_MrpcWithByteOrderMark_ReadsHeaderAndPairs()
    {
        var train = _ml.Data.LoadGlue(GlueTask.Mrpc, GlueSplit.Train, SharedTestData.Glue("MRPC"));
        CollectionAssert.AreEqual(new[] { "Sentence1", "Sentence2", "Label", "RowIndex" }, ColumnReader.ColumnNames(train));
        Assert.AreEqual("The 30-year bond US30YT = RR grew 1-3 / 32 for a yield of 4.30 percent , down from 4.35 percent late Wednesday .",
            ColumnReader.ReadText(train, "Sentence2")[^1]);
        Assert.AreEqual("0", ColumnReader.ReadText(train, "Label")[^1]);
    }

    [TestMethod]
    public void LoadGlue_ColaWithoutHeaderOrFinalNewline_ReadsFirstAndLastRows()
    {
        var dev = _ml.Data.LoadGlue(GlueTask.Cola, GlueSplit.Dev, SharedTestData.Glue("CoLA"));
        var sentences = ColumnReader.ReadText(dev, "Sentence1");
        Assert.AreEqual("The sailors rode the breeze clear of the rocks.", sentences[0]);
        Assert.AreEqual("John talked to Bill about himself.", sentences[^1]);
    }

    [TestMethod]
    public void LoadGlue_QqpFiles_MapQuestionsToSentencesAndKeepTestUnlabelled()
    {
        using var folder = new TempFolder();
        GlueTestFiles.Write(folder, "train.tsv", "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate",
            "133273\t213221\t213222\tHow is the life of a math student?\tWhich level of prepration is enough?\t0");
        GlueTestFiles.Write(folder, "test.tsv", "id\tquestion1\tquestion2", "0\tWould you rather?\tWhat if?");

        var train = _ml.Data.LoadGlue(GlueTask.Qqp, GlueSplit.Train, folder.Path);
        Assert.AreEqual("How is the life of a math student?", ColumnReader.ReadText(train, "Sentence1")[0]);
        Assert.AreEqual("Which level of prepration is enough?", ColumnReader.ReadText(train, "Sentence2")[0]);
        Assert.AreEqual("0", ColumnReader.ReadText(train, "Label")[0]);

        var test = _ml.Data.LoadGlue(GlueTask.Qqp, GlueSplit.Test, folder.Path);
        CollectionAssert.AreEqual(new[] { "Sentence1", "Sentence2", "RowIndex" }, ColumnReader.ColumnNames(test));
        Assert.AreEqual("What if?", ColumnReader.ReadText(test, "Sentence2")[0]);
    }

    [TestMethod]
    public void LoadGlue_StsB_GivesTheScoreAsSingle()
    {
        using var folder = new TempFolder();
        const string header = "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2";
        GlueTestFiles.Write(folder, "dev.tsv", header + "\tscore",
            "0\tmain-captions\tMSRvid\t2012test\t0000\tnone\tnone\tA man with a hard hat is dancing.\tA man wearing a hard hat is dancing.\t5.000",
            "1\tmain-captions\tMSRvid\t2012test\t0002\tnone\tnone\tA young child is riding a horse.\tA child is riding a horse.\t4.750");
        GlueTestFiles.Write(folder, "test.tsv", header, "0\tmain-captions\tMSRvid\t2012test\t0024\tnone\tnone\tA girl is styling her hair.\tA girl is brushing her hair.");

        var dev = _ml.Data.LoadGlue(GlueTask.StsB, GlueSplit.Dev, folder.Path);
        Assert.AreEqual(NumberDataViewType.Single, dev.Schema["Label"].Type);
        CollectionAssert.AreEqual(new[] { 5f, 4.75f }, ColumnReader.Read<float>(dev, "Label"));
        Assert.AreEqual("A child is riding a horse.", ColumnReader.ReadText(dev, "Sentence2")[1]);

        var test = _ml.Data.LoadGlue(GlueTask.StsB, GlueSplit.Test, folder.Path);
        Assert.IsNull(test.Schema.GetColumnOrNull("Label"));
        Assert.AreEqual("A girl is styling her hair.", ColumnReader.ReadText(test, "Sentence1")[0]);
    }

    [TestMethod]
    public void LoadGlue_Mnli_ReadsTrainMatchedDevAndMismatchedTestDespiteDifferentColumnCounts()
    {
        using var folder = new TempFolder();
        const string common = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2";
        const string parses = "\t( a )\t( b )\t(ROOT a)\t(ROOT b)";
        GlueTestFiles.Write(folder, "train.tsv", common + "\tlabel1\tgold_label",
            "0\t31193\t31193n\tgovernment" + parses + "\tConceptually cream skimming has two basic dimensions.\tProduct and geography are what make cream skimming work.\tneutral\tneutral");
        GlueTestFiles.Write(folder, "dev_matched.tsv", common + "\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label",
            "0\t63735\t63735n\tslate" + parses + "\tThe new rights are nice enough\tEveryone really likes the newest benefits\tneutral\tentailment\tneutral\tneutral\tneutral\tneutral");
        GlueTestFiles.Write(folder, "test_mismatched.tsv", common,
            "0\t75290\t75290c\tletters" + parses + "\tWhat we have never had, though, is a set of guidelines.\tWe have never had guidelines.");

        var train = _ml.Data.LoadGlue(GlueTask.MnliMatched, GlueSplit.Train, folder.Path);
        Assert.AreEqual("neutral", ColumnReader.ReadText(train, "Label")[0]);
        var dev = _ml.Data.LoadGlue(GlueTask.MnliMatched, GlueSplit.Dev, folder.Path);
        Assert.AreEqual("Everyone really likes the newest benefits", ColumnReader.ReadText(dev, "Sentence2")[0]);
        Assert.AreEqual("neutral", ColumnReader.ReadText(dev, "Label")[0]);
        var test = _ml.Data.LoadGlue(GlueTask.MnliMismatched, GlueSplit.Test, folder.Path);
        Assert.AreEqual("We have never had guidelines.", ColumnReader.ReadText(test, "Sentence2")[0]);
        Assert.IsNull(test.Schema.GetColumnOrNull("Label"));
    }

    [TestMethod]
    [DataRow(GlueTask.Qnli, "index\tquestion\tsentence\tlabel", "not_entailment")]
    [DataRow(GlueTask.Rte, "index\tsentence1\tsentence2\tlabel", "entailment")]
    [DataRow(GlueTask.Wnli, "index\tsentence1\tsentence2\tlabel", "1")]
    public void LoadGlue_PairTasksWithIndexColumn_ReadSentencesAndTextLabel(GlueTask task, string header, string label)
    {
        using var folder = new TempFolder();
        GlueTestFiles.Write(folder, "train.tsv", header, $"0\tFirst text.\tSecond text.\t{label}", $"1\tThird.\tFourth.\t{label}");
        GlueTestFiles.Write(folder, "test.tsv", header[..header.LastIndexOf('\t')], "0\tOnly.\tUnlabelled.");

        var train = _ml.Data.LoadGlue(task, GlueSplit.Train, folder.Path);
        CollectionAssert.AreEqual(new[] { "First text.", "Third." }, ColumnReader.ReadText(train, "Sentence1"));
        CollectionAssert.AreEqual(new[] { "Second text.", "Fourth." }, ColumnReader.ReadText(train, "Sentence2"));
        CollectionAssert.AreEqual(new[] { label, label }, ColumnReader.ReadText(train, "Label"));
        var test = _ml.Data.LoadGlue(task, GlueSplit.Test, folder.Path);
        CollectionAssert.AreEqual(new[] { "Sentence1", "Sentence2", "RowIndex" }, ColumnReader.ColumnNames(test));
    }

    [TestMethod]
    [DataRow(GlueTask.Cola)]
    [DataRow(GlueTask.Sst2)]
    public void LoadGlue_SingleSentenceTestSplit_ReadsSentencesAfterTheIndex(GlueTask task)
    {
        using var folder = new TempFolder();
        GlueTestFiles.Write(folder, "test.tsv", "index\tsentence", "0\tBill whistled past the house.", "1\tThe car honked its way down the road.");
        var test = _ml.Data.LoadGlue(task, GlueSplit.Test, folder.Path);
        CollectionAssert.AreEqual(new[] { "Sentence1", "RowIndex" }, ColumnReader.ColumnNames(test));
        Assert.AreEqual("The car honked its way down the road.", ColumnReader.ReadText(test, "Sentence1")[1]);
    }

    [TestMethod]
    public void LoadGlue_MrpcTestSplit_ReadsStringsWithoutQuality()
    {
        using var folder = new TempFolder();
        GlueTestFiles.Write(folder, "test.tsv", "index\t#1 ID\t#2 ID\t#1 String\t#2 String", "0\t1089874\t1089925\tPCCW 's chief.\tCurrent Chief.");
        var test = _ml.Data.LoadGlue(GlueTask.Mrpc, GlueSplit.Test, folder.Path);
        Assert.AreEqual("Current Chief.", ColumnReader.ReadText(test, "Sentence2")[0]);
        Assert.IsNull(test.Schema.GetColumnOrNull("Label"));
    }

    [TestMethod]
    public void LoadGlue_RowWithWrongFieldCount_ThrowsNamingFileAndLine()
    {
        using var folder = new TempFolder();
        string path = GlueTestFiles.Write(folder, "train.tsv", "sentence\tlabel", "good row\t1", "a row\twith\textra tab\t0");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => _ml.Data.LoadGlue(GlueTask.Sst2, GlueSplit.Train, folder.Path));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "line 3");
        StringAssert.Contains(e.Message, "expected 2");
    }

    [TestMethod]
    public void LoadGlue_HeadlessColaRowWithThreeFields_ThrowsNamingFileAndLine()
    {
        using var folder = new TempFolder();
        string path = GlueTestFiles.Write(folder, "train.tsv", "gj04\t1\t\tFine.", "gj04\t1\tMissing a field.");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => _ml.Data.LoadGlue(GlueTask.Cola, GlueSplit.Train, folder.Path));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "line 2");
    }

    [TestMethod]
    public void LoadGlue_StsBScoreThatIsNotANumber_ThrowsNamingFileLineAndValue()
    {
        using var folder = new TempFolder();
        string path = GlueTestFiles.Write(folder, "train.tsv", "index\tsentence1\tsentence2\tscore", "0\ta\tb\tfive");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => _ml.Data.LoadGlue(GlueTask.StsB, GlueSplit.Train, folder.Path));
        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "line 2");
        StringAssert.Contains(e.Message, "'five'");
    }

    [TestMethod]
    public void LoadGlue_HeaderWithoutTheTaskColumns_ThrowsNamingTheColumn()
    {
        using var folder = new TempFolder();
        GlueTestFiles.Write(folder, "train.tsv", "text\tlabel", "a\t1");
        var e = Assert.ThrowsExactly<InvalidDataException>(() => _ml.Data.LoadGlue(GlueTask.Sst2, GlueSplit.Train, folder.Path));
        StringAssert.Contains(e.Message, "'sentence'");
    }

    [TestMethod]
    public void LoadGlue_FolderWithoutTheFile_ThrowsNamingTheFolder()
    {
        using var folder = new TempFolder();
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => _ml.Data.LoadGlue(GlueTask.Rte, GlueSplit.Dev, folder.Path));
        StringAssert.Contains(e.Message, folder.Path);
        StringAssert.Contains(e.Message, "dev.tsv");
    }
}
