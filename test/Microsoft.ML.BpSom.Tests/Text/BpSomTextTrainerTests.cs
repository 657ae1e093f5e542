using Microsoft.ML.Data;

namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class BpSomTextTrainerTests
{
    private static BpSomTextClassificationTrainer.Options Options(int epochs = 4) => new()
    {
        BertCheckpointFolder = TinyBert.Folder(),
        HiddenSize = 16,
        SomGridSize = 4,
        MaxSequenceLength = 16,
        BatchSize = 16,
        NumberOfEpochs = epochs,
        LearningRate = 3e-3f,
        EarlyStoppingPatience = epochs,
    };

    private static TextScoredRow[] Score(MLContext ml, ITransformer model, IDataView data) =>
        ml.Data.CreateEnumerable<TextScoredRow>(model.Transform(data), reuseRowObject: false).ToArray();

    [TestMethod]
    public void MulticlassFit_LearnsTheTask_WithProbabilityScoresKeysAndSomColumns()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(Options()).Fit(SentimentRow.Load(ml, 256, seed: 1));
        var test = SentimentRow.Load(ml, 100, seed: 2);

        var scored = Score(ml, model, test);
        var map = model.Model.Map;
        foreach (var row in scored)
        {
            Assert.AreEqual(1f, row.Score.Sum(), 1e-5f);
            Assert.AreEqual((uint)(Array.IndexOf(row.Score, row.Score.Max()) + 1), row.PredictedLabel);
            Assert.IsTrue(row.SomCell >= 0 && row.SomCell < 16, $"cell {row.SomCell}");
            Assert.AreEqual(map.Reliabilities[row.SomCell], row.SomReliability);
        }
        Assert.IsGreaterThan(0.9, ml.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy);
    }

    [TestMethod]
    public void MulticlassFit_RunsTheSomSchedulesPerEpoch_AndLabelsTheMapAfterEachEpoch()
    {
        var ml = new MLContext(seed: 1);
        var options = Options();
        options.ReliabilityThreshold = 0;   // every labelled class winner counts, so usage shows when labels exist
        options.PruneThreshold = 0f;
        var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(options).Fit(SentimentRow.Load(ml, 64, seed: 3)).Model;

        // N = 4: rate 0.05 + (4 − e)/4 · 0.15, radius round((4 − e)⁴/4⁴ · 2).
        Approx.AreEqual([0.1625f, 0.125f, 0.0875f, 0.05f], model.History.Select(e => e.SomLearningRate).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 0, 0, 0 }, model.History.Select(e => e.SomRadius).ToArray());
        // Epoch 1 trains on an unlabelled map; the labelling pass after it labels cells, so with threshold 0 every row whose class
        // holds a cell uses its SOM error in epoch 2.
        Assert.AreEqual(0.0, model.History[0].SomUsagePercent);
        Assert.IsGreaterThan(0.0, model.History[1].SomUsagePercent);
        int counted = Enumerable.Range(0, model.Map.CellCount).Sum(cell => model.Map.GetClassCount(cell, 1) + model.Map.GetClassCount(cell, 2));
        Assert.AreEqual(64, counted);
    }

    [TestMethod]
    public void Fit_StopsAfterPatienceEpochsWithoutImprovement()
    {
        var ml = new MLContext(seed: 1);
        var options = Options(epochs: 6);
        options.EarlyStoppingPatience = 1;
        options.LearningRate = 1e-9f;   // the predictions cannot change, so epoch 2 is no better than epoch 1
        var trainer = ml.MulticlassClassification.Trainers.BpSomTextClassification(options);
        var model = trainer.Fit(SentimentRow.Load(ml, 48, seed: 4), SentimentRow.Load(ml, 32, seed: 5)).Model;
        CollectionAssert.AreEqual(new[] { true, false }, model.History.Select(e => e.IsBest).ToArray());
    }

    [TestMethod]
    public void Fit_KeepsTheBestEpochsWeights()
    {
        var ml = new MLContext(seed: 2);
        var options = Options(epochs: 5);
        options.EarlyStoppingPatience = 2;
        var validation = SentimentRow.Load(ml, 40, seed: 7);
        var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(options).Fit(SentimentRow.Load(ml, 96, seed: 6), validation);

        var history = model.Model.History;
        var best = history.Last(e => e.IsBest);
        Assert.AreEqual(history.Max(e => e.ValidationAccuracy), best.ValidationAccuracy);
        Assert.AreEqual(Math.Min(options.NumberOfEpochs, best.Epoch + options.EarlyStoppingPatience), history.Count);
        double accuracy = ml.MulticlassClassification.Evaluate(model.Transform(validation)).MicroAccuracy;
        Assert.AreEqual(best.ValidationAccuracy!.Value, accuracy, 1e-9);
    }

    [TestMethod]
    public void BinaryFit_GivesLogOddsProbabilityAndBooleanPredictions()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.BinaryClassification.Trainers.BpSomTextClassification(Options()).Fit(BinarySentimentRow.Load(ml, 256, seed: 1));
        var rows = ml.Data.CreateEnumerable<BinaryTextScoredRow>(model.Transform(BinarySentimentRow.Load(ml, 100, seed: 2)), reuseRowObject: false).ToArray();
        var truth = SentimentRow.Make(100, seed: 2);
        int correct = 0;
        for (int n = 0; n < rows.Length; n++)
        {
            Assert.AreEqual(rows[n].Score, MathF.Log(rows[n].Probability / (1 - rows[n].Probability)), 1e-3f);
            Assert.AreEqual(rows[n].Probability > 0.5f, rows[n].PredictedLabel);
            if (rows[n].PredictedLabel == (truth[n].Label == 2)) correct++;
        }
        Assert.IsGreaterThan(90, correct);
        Assert.IsTrue(model.Model.IsBinary);
    }

    [TestMethod]
    public void PairFit_ReadsTheSecondSentence()
    {
        var ml = new MLContext(seed: 1);
        var options = Options(epochs: 2);
        options.SecondSentenceColumnName = "Second";
        var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(options).Fit(PairRow.Load(ml, 64, seed: 1));

        var original = new PairRow { Sentence = "good movie", Second = "great film", Label = 2 };
        var changed = new PairRow { Sentence = "good movie", Second = "awful boring plot", Label = 1 };
        var scored = Score(ml, model, ml.Data.LoadFromEnumerable(new[] { original, changed }));
        CollectionAssert.AreNotEqual(scored[0].Score, scored[1].Score);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(SentimentRow.Load(ml, 4, seed: 1)));
    }

    [TestMethod]
    public void SaveAndLoad_GiveIdenticalPredictionsAndHistory()
    {
        var ml = new MLContext(seed: 4);
        var train = SentimentRow.Load(ml, 64, seed: 4);
        var options = Options(epochs: 2);
        options.PruneThreshold = 0.5f;   // a high threshold prunes after epoch 2, so the saved head may be smaller than 16 units
        var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(options).Fit(train);
        var loaded = ModelFiles.RoundTrip(ml, model, train.Schema);

        var before = Score(ml, model, train);
        var after = Score(ml, loaded, train);
        for (int n = 0; n < before.Length; n++)
        {
            CollectionAssert.AreEqual(before[n].Score, after[n].Score);
            Assert.AreEqual(before[n].SomCell, after[n].SomCell);
            Assert.AreEqual(before[n].SomReliability, after[n].SomReliability);
        }
        var reloaded = ((MulticlassPredictionTransformer<BpSomTextModelParameters>)loaded).Model;
        Assert.AreEqual(model.Model.HiddenSize, reloaded.HiddenSize);
        CollectionAssert.AreEqual(model.Model.History.ToArray(), reloaded.History.ToArray());
    }

    [TestMethod]
    public void Fit_WithTheSameSeed_GivesTheSamePredictions()
    {
        float[] Run()
        {
            var ml = new MLContext(seed: 9);
            var model = ml.MulticlassClassification.Trainers.BpSomTextClassification(Options(epochs: 2)).Fit(SentimentRow.Load(ml, 64, seed: 9));
            return Score(ml, model, SentimentRow.Load(ml, 20, seed: 10)).SelectMany(r => r.Score).ToArray();
        }
        CollectionAssert.AreEqual(Run(), Run());
    }

    [TestMethod]
    public void Fit_ReportsProgressForEveryBatch()
    {
        var ml = new MLContext(seed: 1);
        var reports = new List<TextTrainingProgress>();
        ml.MulticlassClassification.Trainers.BpSomTextClassification(Options(epochs: 2))
            .Fit(SentimentRow.Load(ml, 40, seed: 1), null, new SynchronousProgress(reports.Add));
        // 40 rows in batches of 16: 3 batches per epoch.
        CollectionAssert.AreEqual(new[] { (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3) }, reports.Select(r => (r.Epoch, r.Batch)).ToArray());
        Assert.IsTrue(reports.All(r => r.BatchesPerEpoch == 3 && r.Epochs == 2 && r.Loss > 0 && r.ExamplesPerSecond > 0));
    }

    [TestMethod]
    public void Fit_WhenCancelled_Throws()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() => ml.MulticlassClassification.Trainers.BpSomTextClassification(Options())
            .Fit(SentimentRow.Load(ml, 40, seed: 1), null, cancellation: cancellation.Token));
    }

    private sealed class SynchronousProgress(Action<TextTrainingProgress> report) : IProgress<TextTrainingProgress>
    {
        public void Report(TextTrainingProgress value) => report(value);
    }
}
