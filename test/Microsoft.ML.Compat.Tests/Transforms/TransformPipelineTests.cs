using Microsoft.ML.Compat.Tests.DataLoad;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Transforms;

[TestClass]
public sealed class TransformPipelineTests
{
    public sealed class Flower
    {
        [LoadColumn(0)] public float Length { get; set; }
        [LoadColumn(1)] public float Width { get; set; }
        [LoadColumn(2)] public string Species { get; set; } = "";
    }

    public sealed class FlowerFeatures
    {
        public uint Label { get; set; }
        [VectorType(2)] public float[] Features { get; set; } = Array.Empty<float>();
        public string Species { get; set; } = "";
    }

    private static string WriteFlowers(TempFolder folder) => folder.Write("flowers.csv",
        "length,width,species",
        "4,1,setosa",
        "8,2,\"versi, color\"",
        "2,4,setosa");

    private static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Species")
            .Append(ml.Transforms.Concatenate("Features", "Length", "Width"))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.Transforms.DropColumns("Length"))
            .Append(ml.Transforms.SelectColumns("Label", "Features", "Species"));

    [TestMethod]
    public void TextFileThroughTransforms_GivesKeysAndNormalizedFeatures()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Flower>(WriteFlowers(folder), separatorChar: ',', hasHeader: true, allowQuoting: true);
        var output = Pipeline(ml).Fit(data).Transform(data);
        CollectionAssert.AreEqual(new[] { 1u, 2u, 1u }, ViewReader.Column<uint>(output, "Label"));
        // fixZero min-max: length / 8, width / 4.
        var features = ViewReader.Vectors<float>(output, "Features");
        CollectionAssert.AreEqual(new[] { 0.5f, 0.25f }, features[0]);
        CollectionAssert.AreEqual(new[] { 1f, 0.5f }, features[1]);
        CollectionAssert.AreEqual(new[] { 0.25f, 1f }, features[2]);
    }

    [TestMethod]
    public void PredictionEngine_RunsTheFittedAndReloadedTransforms()
    {
        using var folder = new TempFolder();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Flower>(WriteFlowers(folder), separatorChar: ',', hasHeader: true, allowQuoting: true);
        var model = ModelRoundTrip.SaveAndLoad(ml, Pipeline(ml).Fit(data), data.Schema);
        var engine = ml.Model.CreatePredictionEngine<Flower, FlowerFeatures>(model);
        var prediction = engine.Predict(new Flower { Length = 4, Width = 2, Species = "versi, color" });
        Assert.AreEqual(2u, prediction.Label);
        CollectionAssert.AreEqual(new[] { 0.5f, 0.5f }, prediction.Features);
        Assert.AreEqual(0u, engine.Predict(new Flower { Length = 1, Width = 1, Species = "unknown" }).Label);
    }
}
