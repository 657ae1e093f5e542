namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomTextBadInputTests
{
    private static BpSomTextClassificationTrainer.Options Options() => new()
    {
        BertCheckpointFolder = TinyBert.Folder(), HiddenSize = 8, SomGridSize = 3, MaxSequenceLength = 16, BatchSize = 8, NumberOfEpochs = 1,
    };

    [TestMethod]
    [DataRow(nameof(BpSomTextClassificationTrainer.Options.SomGridSize))]
    [DataRow(nameof(BpSomTextClassificationTrainer.Options.SomErrorWeight))]
    [DataRow(nameof(BpSomTextClassificationTrainer.Options.HiddenSize))]
    [DataRow(nameof(BpSomTextClassificationTrainer.Options.BatchSize))]
    [DataRow(nameof(BpSomTextClassificationTrainer.Options.NumberOfEpochs))]
    [DataRow(nameof(BpSomTextClassificationTrainer.Options.Dropout))]
    public void Catalog_WithAnOptionOutOfRange_ThrowsNamingIt(string option)
    {
        var options = Options();
        switch (option)
        {
            case nameof(options.SomGridSize): options.SomGridSize = 0; break;
            case nameof(options.SomErrorWeight): options.SomErrorWeight = 1.5f; break;
            case nameof(options.HiddenSize): options.HiddenSize = 0; break;
            case nameof(options.BatchSize): options.BatchSize = 0; break;
            case nameof(options.NumberOfEpochs): options.NumberOfEpochs = 0; break;
            case nameof(options.Dropout): options.Dropout = 1f; break;
        }
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().MulticlassClassification.Trainers.BpSomTextClassification(options));
        Assert.AreEqual(option, e.ParamName);
        Assert.Contains(option, e.Message);
    }

    [TestMethod]
    public void Catalog_WithANegativeAlpha_Throws()
    {
        var options = Options();
        options.SomErrorWeight = -0.1f;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().BinaryClassification.Trainers.BpSomTextClassification(options));
    }

    [TestMethod]
    public void Catalog_WithAMissingCheckpointFolder_ThrowsNamingIt()
    {
        var options = Options();
        options.BertCheckpointFolder = Path.Combine(Path.GetTempPath(), "no-such-bert-folder");
        var e = Assert.ThrowsExactly<DirectoryNotFoundException>(() => new MLContext().MulticlassClassification.Trainers.BpSomTextClassification(options));
        Assert.Contains("no-such-bert-folder", e.Message);
    }

    [TestMethod]
    public void Fit_WithACheckpointFolderLackingItsWeights_ThrowsNamingTheFile()
    {
        string folder = Directory.CreateTempSubdirectory("bpsom-no-weights").FullName;
        try
        {
            foreach (string file in new[] { "config.json", "vocab.txt" }) File.Copy(Path.Combine(TinyBert.Folder(), file), Path.Combine(folder, file));
            var options = Options();
            options.BertCheckpointFolder = folder;
            var ml = new MLContext(1);
            var e = Assert.ThrowsExactly<FileNotFoundException>(() => ml.MulticlassClassification.Trainers.BpSomTextClassification(options).Fit(SentimentRow.Load(ml, 8, 1)));
            Assert.Contains("model.safetensors", e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Catalog_WithoutCheckpointOrVocabulary_ThrowsNamingVocabularyPath()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new MLContext().MulticlassClassification.Trainers.BpSomTextClassification(new BpSomTextClassificationTrainer.Options()));
        Assert.AreEqual(nameof(BpSomTextClassificationTrainer.Options.VocabularyPath), e.ParamName);
    }

    [TestMethod]
    public void Catalog_WithAMissingVocabularyFile_ThrowsNamingIt()
    {
        var options = new BpSomTextClassificationTrainer.Options { VocabularyPath = "/no/such/vocab.txt" };
        var e = Assert.ThrowsExactly<FileNotFoundException>(() => new MLContext().MulticlassClassification.Trainers.BpSomTextClassification(options));
        Assert.Contains("/no/such/vocab.txt", e.Message);
    }

    [TestMethod]
    public void Fit_WithAnEmptyText_ThrowsNamingTheRowAndColumn()
    {
        var ml = new MLContext(1);
        var rows = SentimentRow.Make(8, seed: 1);
        rows[5].Sentence = "   ";
        var e = Assert.ThrowsExactly<InvalidDataException>(() =>
            ml.MulticlassClassification.Trainers.BpSomTextClassification(Options()).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Row 5", e.Message);
        Assert.Contains("'Sentence'", e.Message);
    }

    [TestMethod]
    public void Fit_WithAMissingLabelKey_ThrowsNamingTheRowAndValue()
    {
        var ml = new MLContext(1);
        var rows = SentimentRow.Make(8, seed: 1);
        rows[3].Label = 0;
        var e = Assert.ThrowsExactly<InvalidDataException>(() =>
            ml.MulticlassClassification.Trainers.BpSomTextClassification(Options()).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Row 3", e.Message);
        Assert.Contains("label key 0", e.Message);
    }

    [TestMethod]
    public void Transform_WithAnEmptyText_ThrowsNamingTheRow()
    {
        var ml = new MLContext(1);
        var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(Options()).Fit(SentimentRow.Load(ml, 16, 1));
        var rows = SentimentRow.Make(4, seed: 2);
        rows[2].Sentence = "";
        var e = Assert.ThrowsExactly<InvalidDataException>(() =>
            ml.Data.CreateEnumerable<TextScoredRow>(model.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToArray());
        Assert.Contains("Row 2", e.Message);
    }

    [TestMethod]
    public void Fit_WithAValidationLabelOfOtherClasses_Throws()
    {
        var ml = new MLContext(1);
        var validation = ml.Data.LoadFromEnumerable(new[] { new ThreeClassRow { Sentence = "good", Label = 3 } });
        var e = Assert.ThrowsExactly<ArgumentException>(() =>
            ml.MulticlassClassification.Trainers.BpSomTextClassification(Options()).Fit(SentimentRow.Load(ml, 16, 1), validation));
        Assert.Contains("3 classes", e.Message);
    }

    private sealed class ThreeClassRow
    {
        public string Sentence { get; set; } = "";

        [Microsoft.ML.Data.KeyType(3)]
        public uint Label { get; set; }
    }
}
