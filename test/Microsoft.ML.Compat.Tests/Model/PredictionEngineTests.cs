using Microsoft.ML.Compat.Tests.Support;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Model;

[TestClass]
public sealed class PredictionEngineTests
{
    public sealed class Input
    {
        [VectorType(2)]
        public float[] Features { get; set; } = Array.Empty<float>();

        public float X { get; set; }
    }

    public sealed class Output
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public uint PredictedLabel { get; set; }
        public float Y { get; set; }
        public string NotAColumn { get; set; } = "untouched";
    }

    private static ITransformer Model() =>
        new ScaleTransformer("Y", "X", 2).Append(
            new MulticlassPredictionTransformer<NearestCentroidModel>(
                new NearestCentroidModel(new float[] { 0, 0, 10, 0, 0, 10 }, 2, 3), Extensibility.TestData.View().Schema, "Features", "Label"));

    [TestMethod]
    public void Predict_ScoresEachExample()
    {
        using var engine = new MLContext().Model.CreatePredictionEngine<Input, Output>(Model());
        var first = engine.Predict(new Input { Features = new[] { 9f, 1f }, X = 1.5f });
        Assert.AreEqual(2u, first.PredictedLabel);
        CollectionAssert.AreEqual(new[] { -82f, -2f, -162f }, first.Score);
        Assert.AreEqual(3f, first.Y);
        Assert.AreEqual("untouched", first.NotAColumn);

        var second = engine.Predict(new Input { Features = new[] { 0f, 9f }, X = 0 });
        Assert.AreEqual(3u, second.PredictedLabel, "a new example is scored again, not served from the previous batch");
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), engine.OutputSchema["Score"].Type);
    }

    [TestMethod]
    public void Predict_IntoAnExistingObject_ReusesItsArray()
    {
        using var engine = new MLContext().Model.CreatePredictionEngine<Input, Output>(Model());
        var output = new Output { Score = new float[3] };
        var array = output.Score;
        engine.Predict(new Input { Features = new[] { 0f, 0f } }, ref output);
        Assert.AreSame(array, output.Score);
        Assert.AreEqual(1u, output.PredictedLabel);
    }

    public sealed class WrongInput
    {
        public string Features { get; set; } = "";
        public float X { get; set; }
    }

    [TestMethod]
    public void Create_WithMistypedInputClass_ThrowsSchemaMismatch()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            new MLContext().Model.CreatePredictionEngine<WrongInput, Output>(Model()));
        StringAssert.Contains(error.Message, "Schema mismatch for feature column 'Features'");
    }

    public sealed class StrictOutput
    {
        public float Missing { get; set; }
    }

    [TestMethod]
    public void Create_WithOutputMemberWithoutColumn_ThrowsWhenNotIgnored()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            new MLContext().Model.CreatePredictionEngine<Input, StrictOutput>(Model(), ignoreMissingColumns: false));
        StringAssert.Contains(error.Message, "Column 'Missing' not found");
    }

    [TestMethod]
    public void Create_OnAChain_LeavesOutTransformersNotScopedForScoring()
    {
        var chain = new TransformerChain<ITransformer>(
            new ITransformer[] { new ScaleTransformer("LabelScaled", "LabelOnlyInTraining", 2), Model() },
            new[] { TransformerScope.TrainTest, TransformerScope.Everything });
        using var engine = new MLContext().Model.CreatePredictionEngine<Input, Output>(chain);
        Assert.AreEqual(1u, engine.Predict(new Input { Features = new[] { 0f, 1f } }).PredictedLabel);
        Assert.IsNull(engine.OutputSchema.GetColumnOrNull("LabelScaled"));
    }

    [TestMethod]
    public void Create_WithLoadedSchema_UsesItsColumnTypes()
    {
        var ml = new MLContext();
        using var stream = new MemoryStream();
        ml.Model.Save(Model(), Extensibility.TestData.View().Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out var schema);
        using var engine = ml.Model.CreatePredictionEngine<Input, Output>(loaded, schema);
        Assert.AreEqual(2u, engine.Predict(new Input { Features = new[] { 11f, 0f } }).PredictedLabel);
    }
}
