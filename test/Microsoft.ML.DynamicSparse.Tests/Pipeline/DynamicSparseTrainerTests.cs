using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class DynamicSparseTrainerTests
{
    [TestMethod]
    public void DynamicSparse_FitWithValidation_ClassifiesAndKeepsAHistory()
    {
        var ml = new MLContext(seed: 1);
        var train = Blobs.Keyed(ml, 150, 1);
        var validation = Blobs.Keyed(ml, 60, 2);

        var model = ml.MulticlassClassification.Trainers.DynamicSparse(Blobs.SmallOptions(epochs: 6)).Fit(train, validation);

        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(validation));
        Assert.IsTrue(metrics.MicroAccuracy > 0.9, $"accuracy {metrics.MicroAccuracy}");
        Assert.AreEqual(6, model.Model.History.Count);
        Assert.IsNotNull(model.Model.History[^1].ValidationAccuracy);
        CollectionAssert.AreEqual(new[] { 12, 16, 16, 3 }, model.Model.LayerSizes.ToArray());
        CollectionAssert.AreEqual(new[] { 0.5, 0.5, 0.5 }, model.Model.Densities.ToArray());
    }

    [TestMethod]
    public void DynamicSparse_SavedAndLoaded_PredictsIdentically()
    {
        var ml = new MLContext(seed: 1);
        var data = Blobs.Keyed(ml, 60, 1);
        var options = Blobs.SmallOptions(epochs: 2);
        options.UseKWinners = true; // the duty cycles and boost strength must survive too
        var model = ml.MulticlassClassification.Trainers.DynamicSparse(options).Fit(data);

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);

        var expected = Scores(ml, model.Transform(data));
        var actual = Scores(ml, loaded.Transform(data));
        for (int i = 0; i < expected.Count; i++) CollectionAssert.AreEqual(expected[i], actual[i], $"row {i}");
    }

    [TestMethod]
    public void DynamicSparse_WithCancelExecution_StopsAfterTheCurrentEpoch()
    {
        var ml = new MLContext(seed: 1);
        var data = Blobs.Keyed(ml, 60, 1);
        int epochs = 0;
        ml.Log += (_, e) =>
        {
            if (e.RawMessage.StartsWith("epoch ", StringComparison.Ordinal)) { epochs++; ml.CancelExecution(); }
        };

        Assert.ThrowsExactly<OperationCanceledException>(() =>
            ml.MulticlassClassification.Trainers.DynamicSparse(Blobs.SmallOptions(epochs: 5)).Fit(data));
        Assert.AreEqual(1, epochs);
    }

    [TestMethod]
    public void DynamicSparse_WithOnPercentZero_ThrowsNamingTheOption()
    {
        var ml = new MLContext(seed: 1);
        var options = new DynamicSparseTrainer.Options { OnPercent = 0 };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.DynamicSparse(options));

        Assert.AreEqual("OnPercent", error.ParamName);
    }

    private static List<float[]> Scores(MLContext ml, IDataView scored) =>
        ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false).Select(r => r.Score).ToList();

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
