using Microsoft.ML.Compat.Tests.DataLoad;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Transforms;

[TestClass]
public sealed class NormalizerTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static IDataView Floats(params float[] values) => new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Single, values).GetDataView();

    private static float[] Normalized(IEstimator<ITransformer> estimator, IDataView data) =>
        ViewReader.Column<float>(estimator.Fit(data).Transform(data), "Y");

    [TestMethod]
    public void NormalizeMinMax_WithFixZero_DividesByTheLargestMagnitude()
    {
        // max(|-2|, |4|) = 4: -2/4, 1/4, 4/4; NaN stays NaN and is ignored when learning.
        var y = Normalized(Ml.Transforms.NormalizeMinMax("Y", "X"), Floats(-2, 1, 4, float.NaN));
        CollectionAssert.AreEqual(new[] { -0.5f, 0.25f, 1f }, y.Take(3).ToArray());
        Assert.IsTrue(float.IsNaN(y[3]));
    }

    [TestMethod]
    public void NormalizeMinMax_WithoutFixZero_MapsTheRangeToZeroOne()
    {
        // (x - (-2)) / (4 - (-2)): 0, 3/6, 6/6.
        var y = Normalized(Ml.Transforms.NormalizeMinMax("Y", "X", fixZero: false), Floats(-2, 1, 4));
        CollectionAssert.AreEqual(new[] { 0f, 0.5f, 1f }, y);
    }

    [TestMethod]
    public void NormalizeMinMax_OfConstantColumn_MapsToZero()
    {
        CollectionAssert.AreEqual(new[] { 0f, 0f }, Normalized(Ml.Transforms.NormalizeMinMax("Y", "X"), Floats(3, 3)));
    }

    [TestMethod]
    public void NormalizeMinMax_LearnsFromAtMostMaximumExampleCountRows()
    {
        // Learned from 1 and 2 only (max 2): 1/2, 2/2, 100/2.
        var y = Normalized(Ml.Transforms.NormalizeMinMax("Y", "X", maximumExampleCount: 2), Floats(1, 2, 100));
        CollectionAssert.AreEqual(new[] { 0.5f, 1f, 50f }, y);
    }

    [TestMethod]
    public void NormalizeMinMax_OfVector_ScalesEachSlotSeparately()
    {
        var data = new ArrayDataViewBuilder().AddColumn("V", NumberDataViewType.Single, new[] { 1f, 10f }, new[] { 3f, 30f }).GetDataView();
        var output = Ml.Transforms.NormalizeMinMax("V").Fit(data).Transform(data);
        var rows = ViewReader.Vectors<float>(output, "V");
        // slot 0 divided by 3, slot 1 by 30.
        CollectionAssert.AreEqual(new[] { 1f / 3, 1f / 3 }, rows[0]);
        CollectionAssert.AreEqual(new[] { 1f, 1f }, rows[1]);
        Assert.IsTrue(output.Schema["V"].IsNormalized());
    }

    [TestMethod]
    public void NormalizeMeanVariance_WithoutFixZero_Standardizes()
    {
        // mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25: (x - 2.5) / sqrt(1.25).
        var y = Normalized(Ml.Transforms.NormalizeMeanVariance("Y", "X", fixZero: false), Floats(1, 2, 3, 4));
        var expected = new[] { 1, 2, 3, 4 }.Select(x => (float)((x - 2.5) / Math.Sqrt(1.25))).ToArray();
        CollectionAssert.AreEqual(expected, y);
    }

    [TestMethod]
    public void NormalizeMeanVariance_WithFixZero_DividesByTheRootMeanSquare()
    {
        // sqrt(variance + mean²) = sqrt(1.25 + 6.25) = sqrt(7.5): x / 2.738613.
        var y = Normalized(Ml.Transforms.NormalizeMeanVariance("Y", "X"), Floats(1, 2, 3, 4));
        var expected = new[] { 1, 2, 3, 4 }.Select(x => (float)(x / Math.Sqrt(7.5))).ToArray();
        CollectionAssert.AreEqual(expected, y);
    }

    [TestMethod]
    public void NormalizeMeanVariance_WithCdf_GivesTheNormalCdf()
    {
        // mean 2.5, stddev sqrt(1.25) = 1.118034: Φ(0) = 0.5 at the mean and Φ(1) = 0.841345 one stddev above.
        var data = Floats(1, 2, 3, 4);
        var model = Ml.Transforms.NormalizeMeanVariance("Y", "X", fixZero: false, useCdf: true).Fit(data);
        var y = ViewReader.Column<float>(model.Transform(Floats(2.5f, 2.5f + (float)Math.Sqrt(1.25))), "Y");
        Assert.AreEqual(0.5, y[0], 1e-6);
        Assert.AreEqual(0.841345, y[1], 1e-5);
    }

    [TestMethod]
    public void Normalize_OfDoubleColumn_KeepsTheDoubleType()
    {
        var data = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Double, 2.0, -8.0).GetDataView();
        var output = Ml.Transforms.NormalizeMinMax("Y", "X").Fit(data).Transform(data);
        Assert.AreEqual(NumberDataViewType.Double, output.Schema["Y"].Type);
        CollectionAssert.AreEqual(new[] { 0.25, -1.0 }, ViewReader.Column<double>(output, "Y"));
    }

    [TestMethod]
    public void Normalize_OfTextColumn_FailsAtGetOutputSchemaAndFit()
    {
        var data = new ArrayDataViewBuilder().AddColumn("X", "a").GetDataView();
        var estimator = Ml.Transforms.NormalizeMinMax("X");
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
        StringAssert.Contains(error.Message, "Schema mismatch for input column 'X': expected Single, Double, or a known-size vector of them, got String");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
    }

    [TestMethod]
    public void Normalizers_SaveAndLoad_GiveTheSameOutputs()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("X", NumberDataViewType.Single, 1f, 5f, 9f)
            .AddColumn("V", NumberDataViewType.Single, new[] { 1f, -2f }, new[] { 4f, 8f }, new[] { 0f, 3f })
            .GetDataView();
        var model = Ml.Transforms.NormalizeMinMax("X", fixZero: false)
            .Append(Ml.Transforms.NormalizeMeanVariance("V"))
            .Append(Ml.Transforms.NormalizeMeanVariance("C", "X", useCdf: true, fixZero: false))
            .Fit(data);
        var loaded = ModelRoundTrip.SaveAndLoad(Ml, model, data.Schema);
        CollectionAssert.AreEqual(ViewReader.Column<float>(model.Transform(data), "X"), ViewReader.Column<float>(loaded.Transform(data), "X"));
        CollectionAssert.AreEqual(ViewReader.Column<float>(model.Transform(data), "C"), ViewReader.Column<float>(loaded.Transform(data), "C"));
        var before = ViewReader.Vectors<float>(model.Transform(data), "V");
        var after = ViewReader.Vectors<float>(loaded.Transform(data), "V");
        for (int i = 0; i < before.Length; i++)
            CollectionAssert.AreEqual(before[i], after[i]);
    }
}
