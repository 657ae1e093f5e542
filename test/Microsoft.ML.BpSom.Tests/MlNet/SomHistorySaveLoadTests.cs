using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.BpSom.Tests;

/// <summary>The SOM snapshots of the training history through <c>ml.Model.Save/Load</c>, and models saved before they existed
/// (format version 1, files under Fixtures/ written by that version's code) still loading with identical predictions.
/// The fixtures came from the format-1 trainers with MLContext seeds 4 and 1: bpsom-v1.zip, BpSom on BlobRow.Load(ml, 60, 4) with
/// hidden [5, 4], a 3×3 SOM, 6 epochs, TestRatio 2, LearningRate 0.3; bpsom-text-v1.zip, the text classifier on
/// SentimentRow.Load(ml, 32, 3) over TinyBert.Folder() with hidden 6, a 3×3 SOM, sequences of 16, batches of 16, 2 epochs,
/// LearningRate 3e-3. The .scores.txt beside each holds what it gave then (round-trip "R" formatting) on the rows scored below.</summary>
[TestClass]
public sealed class SomHistorySaveLoadTests
{
    /// <summary>A fixture model as loaded, then saved again in the current format and reloaded: both must score as recorded.</summary>
    private static ITransformer[] LoadedAndResaved(MLContext ml, string fixture)
    {
        var loaded = ml.Model.Load(ModelFiles.Fixture(fixture), out var schema);
        return [loaded, ModelFiles.RoundTrip(ml, loaded, schema)];
    }

    private static void AssertSame(SomSnapshot expected, SomSnapshot actual, string what)
    {
        Assert.AreEqual(expected.GridSize, actual.GridSize, what);
        Assert.AreEqual(expected.ClassCount, actual.ClassCount, what);
        CollectionAssert.AreEqual(expected.Labels.ToArray(), actual.Labels.ToArray(), what);
        CollectionAssert.AreEqual(expected.Reliabilities.ToArray(), actual.Reliabilities.ToArray(), what);
        CollectionAssert.AreEqual(expected.UMatrix.ToArray(), actual.UMatrix.ToArray(), what);
    }

    /// <summary>Each of <paramref name="versions"/> scores <paramref name="data"/> exactly as recorded in <paramref name="recorded"/>
    /// when the fixture was written: one row per line, the values <paramref name="values"/> takes from a scored row.</summary>
    private static void AssertScoresAsRecorded<TRow>(MLContext ml, ITransformer[] versions, IDataView data, string recorded,
        Func<TRow, float[]> values) where TRow : class, new()
    {
        float[][] expected = [.. File.ReadAllLines(ModelFiles.Fixture(recorded))
            .Select(line => line.Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
        foreach (var transformer in versions)
        {
            var scored = ml.Data.CreateEnumerable<TRow>(transformer.Transform(data), reuseRowObject: false).Select(values).ToArray();
            Assert.AreEqual(expected.Length, scored.Length);
            for (int n = 0; n < scored.Length; n++) CollectionAssert.AreEqual(expected[n], scored[n], $"row {n}");
        }
    }

    [TestMethod]
    public void BpSom_SaveAndLoad_KeepsTheSnapshotsOfEveryLabelledEpoch()
    {
        var ml = new MLContext(seed: 3);
        var train = BlobRow.Load(ml, 60, 3);
        var fitted = ml.MulticlassClassification.Trainers.BpSom(new BpSomTrainer.Options
        {
            HiddenLayerSizes = [5, 4], SomGridSize = 3, NumberOfEpochs = 4, TestRatio = 2, LearningRate = 0.3f,
        }).Fit(train);
        var model = fitted.Model;
        var loaded = ((MulticlassPredictionTransformer<BpSomModelParameters>)ModelFiles.RoundTrip(ml, fitted, train.Schema)).Model;

        CollectionAssert.AreEqual(new[] { 0, 2, 0, 2 }, loaded.History.Select(e => e.Soms.Count).ToArray());
        for (int e = 0; e < model.History.Count; e++)
            for (int h = 0; h < model.History[e].Soms.Count; h++)
                AssertSame(model.History[e].Soms[h], loaded.History[e].Soms[h], $"epoch {e + 1}, SOM {h + 1}");
        // Training keeps the best epoch's network and relabels it on the same training set, so its maps equal that epoch's snapshots.
        var kept = model.History.Last(e => e.IsBest);
        for (int h = 0; h < 2; h++) AssertSame(kept.Soms[h], model.Maps[h].Snapshot(), $"kept epoch {kept.Epoch}, SOM {h + 1}");
    }

    [TestMethod]
    public void BpSomText_SaveAndLoad_KeepsTheSnapshotOfEveryEpoch()
    {
        var ml = new MLContext(seed: 1);
        var train = SentimentRow.Load(ml, 32, seed: 3);
        var fitted = ml.MulticlassClassification.Trainers.BpSomTextClassification(new BpSomTextClassificationTrainer.Options
        {
            BertCheckpointFolder = TinyBert.Folder(), HiddenSize = 6, SomGridSize = 3, MaxSequenceLength = 16, BatchSize = 16,
            NumberOfEpochs = 2, LearningRate = 3e-3f, EarlyStoppingPatience = 2,
        }).Fit(train);
        var model = fitted.Model;
        var loaded = ((MulticlassPredictionTransformer<BpSomTextModelParameters>)ModelFiles.RoundTrip(ml, fitted, train.Schema)).Model;

        Assert.AreEqual(2, loaded.History.Count);
        for (int e = 0; e < 2; e++)
            AssertSame(model.History[e].Som!, loaded.History[e].Som ?? throw new AssertFailedException($"epoch {e + 1} lost its snapshot"), $"epoch {e + 1}");
        // The kept network is copied right after its epoch's labelling pass, so its map is that epoch's snapshot.
        var kept = model.History.Last(e => e.IsBest);
        AssertSame(kept.Som!, model.Map.Snapshot(), $"kept epoch {kept.Epoch}");
    }

    [TestMethod]
    public void BpSom_Version1Model_LoadsWithItsRecordedPredictionsAndNoSnapshots()
    {
        var ml = new MLContext(seed: 1);
        var versions = LoadedAndResaved(ml, "bpsom-v1.zip");
        var model = ((MulticlassPredictionTransformer<BpSomModelParameters>)versions[0]).Model;

        Assert.AreEqual(6, model.History.Count);
        Assert.IsTrue(model.History.All(e => e.Soms.Count == 0));
        Assert.AreEqual(2, model.Maps.Count);
        AssertScoresAsRecorded<ScoredRow>(ml, versions, BlobRow.Load(ml, 10, 9), "bpsom-v1.scores.txt", row => row.Score);
    }

    [TestMethod]
    public void BpSomText_Version1Model_LoadsWithItsRecordedPredictionsAndNoSnapshots()
    {
        var ml = new MLContext(seed: 1);
        var versions = LoadedAndResaved(ml, "bpsom-text-v1.zip");
        var model = ((MulticlassPredictionTransformer<BpSomTextModelParameters>)versions[0]).Model;

        Assert.AreEqual(2, model.History.Count);
        Assert.IsTrue(model.History.All(e => e.Som is null));
        // Each recorded line: the two class scores, then the winning cell.
        AssertScoresAsRecorded<TextScoredRow>(ml, versions, SentimentRow.Load(ml, 10, seed: 9), "bpsom-text-v1.scores.txt",
            row => [.. row.Score, row.SomCell]);
    }
}
