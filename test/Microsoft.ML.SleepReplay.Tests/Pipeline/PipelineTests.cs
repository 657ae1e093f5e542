using Microsoft.ML.Data;

namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class PipelineTests
{
    private sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    // Class c lights up feature c (plus noise), so a small MLP separates the classes quickly.
    private static IDataView Data(MLContext ml, int count, int seed, params int[] classes)
    {
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            int c = classes[i % classes.Length];
            var x = Enumerable.Range(0, 4).Select(_ => (float)rng.NextDouble() * 0.2f).ToArray();
            x[c] += 1f;
            return new Row { Features = x, Label = "c" + c };
        }).ToList();
        return ml.Data.LoadFromEnumerable(rows);
    }

    private static SequentialMlpTrainer.Options SmallOptions(int epochs = 30) => new()
    {
        Training = new MlpTrainingOptions { HiddenLayers = [16], Epochs = epochs, BatchSize = 10, LearningRate = 0.1f, DropoutRate = 0f },
    };

    private static IDataView Keyed(MLContext ml, IDataView data) =>
        ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);

    [TestMethod]
    public void SequentialMlp_OnSeparableData_ClassifiesTheTrainingRows()
    {
        var ml = new MLContext(seed: 1);
        var data = Keyed(ml, Data(ml, 120, 1, 0, 1, 2, 3));
        var model = ml.MulticlassClassification.Trainers.SequentialMlp(SmallOptions()).Fit(data);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data));
        Assert.IsTrue(metrics.MicroAccuracy > 0.95, $"accuracy {metrics.MicroAccuracy}");
    }

    [TestMethod]
    public void SequentialMlp_FitFromAModelWithZeroEpochs_KeepsItsWeights()
    {
        var ml = new MLContext(seed: 1);
        var data = Keyed(ml, Data(ml, 40, 1, 0, 1, 2, 3));
        var first = ml.MulticlassClassification.Trainers.SequentialMlp(SmallOptions()).Fit(data);
        var again = ml.MulticlassClassification.Trainers.SequentialMlp(SmallOptions(epochs: 0)).Fit(data, first.Model);
        var a = first.Model.GetNetwork();
        var b = again.Model.GetNetwork();
        for (int l = 0; l < a.LayerCount; l++) CollectionAssert.AreEqual(a.Weights[l], b.Weights[l]);
    }

    [TestMethod]
    public void SleepReplayConsolidation_WithUnreachableThresholds_KeepsTheNetworkAndScoresLikeIt()
    {
        var ml = new MLContext(seed: 1);
        var data = Keyed(ml, Data(ml, 40, 1, 0, 1, 2, 3));
        var trained = ml.MulticlassClassification.Trainers.SequentialMlp(SmallOptions()).Fit(data);
        var sleep = new SleepOptions { Iterations = 50, Beta = [1e9, 1e9], PatchSize = 0, InputMode = SleepInputMode.MaskedSampleMean };
        var slept = ml.Transforms.SleepReplayConsolidation(new SleepReplayConsolidationOptions { Model = trained.Model, Sleep = sleep }).Fit(data);
        Assert.AreEqual(0, slept.SleepResult.SpikesPerLayer.Sum());
        var before = trained.Model.GetNetwork();
        var after = slept.Model.GetNetwork();
        for (int l = 0; l < before.LayerCount; l++) CollectionAssert.AreEqual(before.Weights[l], after.Weights[l]);
        var scores = ml.Data.CreateEnumerable<ScoreRow>(slept.Transform(data), reuseRowObject: false).Select(r => r.Score).ToList();
        var expected = ml.Data.CreateEnumerable<ScoreRow>(trained.Transform(data), reuseRowObject: false).Select(r => r.Score).ToList();
        for (int i = 0; i < scores.Count; i++) CollectionAssert.AreEqual(expected[i], scores[i]);
    }

    [TestMethod]
    public void SleepReplayConsolidation_WhenNeuronsSpike_ChangesWeightsAndSurvivesSaveAndLoad()
    {
        var ml = new MLContext(seed: 1);
        var data = Keyed(ml, Data(ml, 40, 1, 0, 1, 2, 3));
        var trained = ml.MulticlassClassification.Trainers.SequentialMlp(SmallOptions()).Fit(data);
        var sleep = new SleepOptions { Iterations = 200, Beta = [0.5, 0.5], AlphaScale = 2, InputMode = SleepInputMode.MaskedSampleMean, MaskFraction = 1 };
        var slept = ml.Transforms.SleepReplayConsolidation(new SleepReplayConsolidationOptions { Model = trained.Model, Sleep = sleep }).Fit(data);
        Assert.IsTrue(slept.SleepResult.SpikesPerLayer[0] > 0);
        CollectionAssert.AreNotEqual(trained.Model.GetNetwork().Weights[0], slept.Model.GetNetwork().Weights[0]);

        using var stream = new MemoryStream();
        ml.Model.Save(slept, data.Schema, stream);
        stream.Position = 0;
        var loaded = (SleepReplayConsolidationTransformer)ml.Model.Load(stream, out _);
        CollectionAssert.AreEqual(slept.Model.GetNetwork().Weights[1], loaded.Model.GetNetwork().Weights[1]);
        CollectionAssert.AreEqual(slept.SleepResult.SpikesPerLayer.ToArray(), loaded.SleepResult.SpikesPerLayer.ToArray());
    }

    [TestMethod]
    public void SleepReplayConsolidation_WithoutAModel_ThrowsAtTheEntryPoint()
    {
        var ml = new MLContext(seed: 1);
        var ex = Assert.ThrowsExactly<ArgumentException>(() => ml.Transforms.SleepReplayConsolidation(new SleepReplayConsolidationOptions()));
        StringAssert.Contains(ex.Message, "Model");
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }
}
