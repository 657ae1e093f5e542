namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomTrainerTests
{
    private static BpSomTrainer.Options SmallOptions() => new()
    {
        HiddenLayerSizes = [6], SomGridSize = 3, NumberOfEpochs = 30, TestRatio = 5, LearningRate = 0.3f,
    };

    private static ScoredRow[] Score(MLContext ml, ITransformer model, IDataView data) =>
        ml.Data.CreateEnumerable<ScoredRow>(model.Transform(data), reuseRowObject: false).ToArray();

    [TestMethod]
    public void Fit_ProducesScoresSummingToOneAndAccuratePredictedKeys()
    {
        var ml = new MLContext(seed: 1);
        var train = BlobRow.Load(ml, 150, seed: 1);
        var test = BlobRow.Load(ml, 60, seed: 2);
        var model = ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(train);

        var scored = Score(ml, model, test);
        foreach (var row in scored)
        {
            Assert.AreEqual(1f, row.Score.Sum(), 1e-5f);
            Assert.AreEqual((uint)(Array.IndexOf(row.Score, row.Score.Max()) + 1), row.PredictedLabel);
        }
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
        Assert.IsGreaterThan(0.9, metrics.MicroAccuracy);
    }

    [TestMethod]
    public void Fit_ExposesHistoryMapsAndHiddenSizes()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(BlobRow.Load(ml, 90, 3)).Model;
        Assert.IsGreaterThan(0, model.History.Count);
        Assert.AreEqual(1, model.Maps.Count);
        Assert.AreEqual(3, model.Maps[0].GridSize);
        Assert.AreEqual(model.HiddenLayerSizes[0], model.Maps[0].Dimension);
        Assert.AreEqual(3, model.ClassCount);
        Assert.IsTrue(model.History.Any(epoch => epoch.IsBest));
    }

    [TestMethod]
    public void SaveAndLoad_GiveIdenticalPredictions()
    {
        var ml = new MLContext(seed: 4);
        var train = BlobRow.Load(ml, 90, 4);
        var model = ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(train);
        var loaded = ModelFiles.RoundTrip(ml, model, train.Schema);

        var before = Score(ml, model, train);
        var after = Score(ml, loaded, train);
        for (int n = 0; n < before.Length; n++)
        {
            CollectionAssert.AreEqual(before[n].Score, after[n].Score);
            Assert.AreEqual(before[n].PredictedLabel, after[n].PredictedLabel);
        }
        var loadedModel = ((Data.MulticlassPredictionTransformer<BpSomModelParameters>)loaded).Model;
        Assert.AreEqual(model.Model.History.Count, loadedModel.History.Count);
        CollectionAssert.AreEqual(model.Model.Maps[0].Labels.ToArray(), loadedModel.Maps[0].Labels.ToArray());
    }

    [TestMethod]
    public void Fit_WithTheSameContextSeed_GivesIdenticalScores()
    {
        float[] Scores()
        {
            var ml = new MLContext(seed: 9);
            var train = BlobRow.Load(ml, 90, 5);
            var options = SmallOptions();
            options.Shuffle = true;
            var model = ml.MulticlassClassification.Trainers.BpSom(options).Fit(train);
            return Score(ml, model, train).SelectMany(row => row.Score).ToArray();
        }
        CollectionAssert.AreEqual(Scores(), Scores());
    }

    [TestMethod]
    public void BpSom_WithGridZero_ThrowsNamingTheOption()
    {
        var ml = new MLContext(1);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ml.MulticlassClassification.Trainers.BpSom(new BpSomTrainer.Options { SomGridSize = 0 }));
        Assert.AreEqual("SomGridSize", error.ParamName);
    }

    [TestMethod]
    public void BpSom_WithAlphaOutsideZeroToOne_ThrowsNamingTheOption()
    {
        var ml = new MLContext(1);
        foreach (float alpha in new[] { -0.1f, 1.01f, float.NaN })
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
                ml.MulticlassClassification.Trainers.BpSom(new BpSomTrainer.Options { SomErrorWeight = alpha }));
            Assert.AreEqual("SomErrorWeight", error.ParamName);
        }
    }

    [TestMethod]
    public void Fit_WithAValidationLabelOutsideTheTrainedClasses_Throws()
    {
        var ml = new MLContext(1);
        var train = BlobRow.Load(ml, 30, 1);
        var validation = ml.Data.LoadFromEnumerable(new[] { new FourClassRow { Label = 4, Features = [0.1f, 0.2f, 0.3f, 0.4f] } });
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(train, validation));
        StringAssert.Contains(error.Message, "4 classes");
    }

    [TestMethod]
    public void Fit_WithAMissingLabelKey_ThrowsNamingTheRow()
    {
        var ml = new MLContext(1);
        var rows = new[] { new BlobRow { Label = 1, Features = [0f, 0f, 0f, 0f] }, new BlobRow { Label = 0, Features = [1f, 1f, 1f, 1f] } };
        var error = Assert.ThrowsExactly<InvalidDataException>(() =>
            ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(ml.Data.LoadFromEnumerable(rows)));
        StringAssert.Contains(error.Message, "Row 1");
    }

    [TestMethod]
    public void Fit_ReportsEpochsThroughTheContextLog()
    {
        var ml = new MLContext(1);
        var messages = new List<string>();
        ml.Log += (_, e) => messages.Add(e.RawMessage);
        ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(BlobRow.Load(ml, 30, 1));
        Assert.IsTrue(messages.Any(m => m.Contains("epoch 30:")), string.Join("\n", messages.Take(5)));
        Assert.IsTrue(messages.Any(m => m.StartsWith("BP-SOM 4-6-3")));
    }

    [TestMethod]
    public void Fit_WithACancelledToken_Throws()
    {
        var ml = new MLContext(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() =>
            ml.MulticlassClassification.Trainers.BpSom(SmallOptions()).Fit(BlobRow.Load(ml, 30, 1), null, cancelled.Token));
    }

    private sealed class FourClassRow
    {
        [Data.KeyType(4)]
        public uint Label { get; set; }

        [Data.VectorType(4)]
        public float[] Features { get; set; } = [];
    }
}
