using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Evaluation;

[TestClass]
public sealed class EvaluateTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static DataViewSchema.Annotations SlotNames(params string[] names)
    {
        var values = names.Select(n => n.AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, values.Length),
            (ref VBuffer<ReadOnlyMemory<char>> dst) => new VBuffer<ReadOnlyMemory<char>>(values.Length, values).CopyTo(ref dst));
        return builder.ToAnnotations();
    }

    /// <summary>The six rows of MulticlassMetricsAccumulatorTests with 1-based key labels, plus a row whose
    /// label is the missing key 0 (skipped: it would otherwise be a miss).</summary>
    private static IDataView ScoredMulticlass(DataViewSchema.Annotations? scoreAnnotations = null)
    {
        float[] scores =
        {
            0.7f, 0.2f, 0.1f,
            0.3f, 0.6f, 0.1f,
            0.5f, 0.4f, 0.1f,
            0.2f, 0.5f, 0.3f,
            1.0f, 0.0f, 0.0f,
            0.6f, 0.4f, 0.0f,
            0.0f, 0.0f, 1.0f,
        };
        return new ArrayDataViewBuilder()
            .AddKeyColumn("Label", new[] { "cat", "dog", "eel" }, 1, 2, 2, 3, 1, 3, 0)
            .AddColumn("Score", NumberDataViewType.Single, 3, scores, scoreAnnotations)
            .AddColumn("PredictedLabel", NumberDataViewType.UInt32, 1u, 2u, 1u, 2u, 1u, 1u, 3u)
            .GetDataView();
    }

    [TestMethod]
    public void MulticlassEvaluate_UsesKeyLabelsAndSkipsMissingKeys()
    {
        var metrics = Ml.MulticlassClassification.Evaluate(ScoredMulticlass(), topKPredictionCount: 2);
        // As worked out in MulticlassMetricsAccumulatorTests: 3 of 6 correct, mean log loss 6.254423, top-2 5/6.
        Assert.AreEqual(0.5, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual(0.5, metrics.MacroAccuracy, 1e-12);
        Assert.AreEqual(6.254423416, metrics.LogLoss, 1e-6);
        Assert.AreEqual(5.0 / 6, metrics.TopKAccuracy, 1e-12);
        Assert.AreEqual(6.0, metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()));
    }

    [TestMethod]
    public void MulticlassEvaluate_NamesClassesFromScoreSlotNames()
    {
        var metrics = Ml.MulticlassClassification.Evaluate(ScoredMulticlass(SlotNames("cat", "dog", "eel")));
        CollectionAssert.AreEqual(new[] { "cat", "dog", "eel" }, metrics.ConfusionMatrix.PredictedClassesIndicators.Select(m => m.ToString()).ToArray());
        StringAssert.Contains(metrics.ConfusionMatrix.GetFormattedConfusionTable(), "      eel ||     1 |     1 |     0 | 0.0000");
    }

    [TestMethod]
    public void MulticlassEvaluate_WithNumericLabels_TreatsThemAsClassIndices()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", NumberDataViewType.Single, 0f, 1f, float.NaN)
            .AddColumn("Score", NumberDataViewType.Single, 2, new[] { 0.9f, 0.1f, 0.8f, 0.2f, 0.5f, 0.5f })
            .AddColumn("PredictedLabel", NumberDataViewType.UInt32, 1u, 1u, 1u)
            .GetDataView();
        // Row 1 correct, row 2 wrong (argmax 0), NaN row skipped.
        Assert.AreEqual(0.5, Ml.MulticlassClassification.Evaluate(data).MicroAccuracy, 1e-12);
    }

    [TestMethod]
    public void MulticlassEvaluate_WithNegativeLabel_ThrowsNamingRowAndColumn()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", NumberDataViewType.Single, 0f, -1f)
            .AddColumn("Score", NumberDataViewType.Single, 2, new[] { 0.9f, 0.1f, 0.8f, 0.2f })
            .AddColumn("PredictedLabel", NumberDataViewType.UInt32, 1u, 1u)
            .GetDataView();
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Ml.MulticlassClassification.Evaluate(data));
        StringAssert.Contains(error.Message, "Label value -1 in row 1 of column 'Label'");
    }

    [TestMethod]
    public void MulticlassEvaluate_WithScalarScore_ThrowsSchemaMismatch()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", NumberDataViewType.Single, 0f)
            .AddColumn("Score", NumberDataViewType.Single, 0.5f)
            .AddColumn("PredictedLabel", NumberDataViewType.UInt32, 1u)
            .GetDataView();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.MulticlassClassification.Evaluate(data));
        StringAssert.Contains(error.Message, "Schema mismatch for score column 'Score': expected known-size Vector<Single>, got Single");
    }

    [TestMethod]
    public void MulticlassEvaluate_WithoutLabelColumn_ThrowsNotFound()
    {
        var data = new ArrayDataViewBuilder().AddColumn("Score", NumberDataViewType.Single, 2, new[] { 1f, 0f }).GetDataView();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.MulticlassClassification.Evaluate(data));
        StringAssert.Contains(error.Message, "Column 'Label' not found");
    }

    /// <summary>The six rows of BinaryMetricsAccumulatorTests plus an unlabelled (NaN) row.</summary>
    private static IDataView ScoredBinary() => new ArrayDataViewBuilder()
        .AddColumn("Label", NumberDataViewType.Single, 1f, 1f, 0f, 0f, 1f, 0f, float.NaN)
        .AddColumn("Score", NumberDataViewType.Single, 2.0f, 0.5f, 1.0f, -1.0f, -0.5f, -2.0f, 9f)
        .AddColumn("Probability", NumberDataViewType.Single, 0.9f, 0.6f, 0.7f, 0.2f, 0.4f, 0.1f, 1f)
        .AddColumn("PredictedLabel", BooleanDataViewType.Instance, true, true, true, false, false, false, true)
        .GetDataView();

    [TestMethod]
    public void BinaryEvaluate_MatchesHandComputedMetricsAndSkipsUnlabelledRows()
    {
        var metrics = Ml.BinaryClassification.Evaluate(ScoredBinary());
        // TP 2, FN 1, FP 1, TN 2 (see BinaryMetricsAccumulatorTests).
        Assert.AreEqual(4.0 / 6, metrics.Accuracy, 1e-12);
        Assert.AreEqual(7.0 / 9, metrics.AreaUnderRocCurve, 1e-12);
        Assert.AreEqual(55.0 / 72, metrics.AreaUnderPrecisionRecallCurve, 1e-12);
        Assert.AreEqual(0.736965594, metrics.LogLoss, 1e-6);
        Assert.AreEqual(1.0, metrics.Entropy, 1e-12);
    }

    [TestMethod]
    public void BinaryEvaluateNonCalibrated_NeedsNoProbabilityColumn()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", BooleanDataViewType.Instance, true, false, true)
            .AddColumn("Score", NumberDataViewType.Single, 1f, -1f, -2f)
            .AddColumn("PredictedLabel", BooleanDataViewType.Instance, true, false, false)
            .GetDataView();
        var metrics = Ml.BinaryClassification.EvaluateNonCalibrated(data);
        // TP 1 (row 1), TN 1 (row 2), FN 1 (row 3): accuracy 2/3, positive recall 1/2;
        // AUC: positive 1 beats the negative, positive -2 does not -> 1/2.
        Assert.AreEqual(2.0 / 3, metrics.Accuracy, 1e-12);
        Assert.AreEqual(0.5, metrics.PositiveRecall, 1e-12);
        Assert.AreEqual(0.5, metrics.AreaUnderRocCurve, 1e-12);
    }

    [TestMethod]
    public void BinaryEvaluate_WithoutProbabilityColumn_ThrowsNotFound()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", BooleanDataViewType.Instance, true)
            .AddColumn("Score", NumberDataViewType.Single, 1f)
            .AddColumn("PredictedLabel", BooleanDataViewType.Instance, true)
            .GetDataView();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.BinaryClassification.Evaluate(data));
        StringAssert.Contains(error.Message, "Column 'Probability' not found");
    }

    [TestMethod]
    public void RegressionEvaluate_MatchesHandComputedErrors()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", NumberDataViewType.Single, 1f, 2f, 3f, 4f, float.NaN)
            .AddColumn("Score", NumberDataViewType.Single, 1.5f, 2f, 2f, 5f, 0f)
            .GetDataView();
        var metrics = Ml.Regression.Evaluate(data);
        // errors -0.5, 0, 1, -1 (NaN label skipped): MAE 2.5/4, MSE (0.25 + 0 + 1 + 1)/4, RMSE sqrt(0.5625);
        // label mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, R² = 1 - 0.5625/1.25.
        Assert.AreEqual(0.625, metrics.MeanAbsoluteError, 1e-12);
        Assert.AreEqual(0.5625, metrics.MeanSquaredError, 1e-12);
        Assert.AreEqual(0.75, metrics.RootMeanSquaredError, 1e-12);
        Assert.AreEqual(0.5625, metrics.LossFunction, 1e-12);
        Assert.AreEqual(0.55, metrics.RSquared, 1e-12);
    }

    [TestMethod]
    public void RegressionEvaluate_WithTextLabel_ThrowsSchemaMismatch()
    {
        var data = new ArrayDataViewBuilder()
            .AddColumn("Label", "a")
            .AddColumn("Score", NumberDataViewType.Single, 1f)
            .GetDataView();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Regression.Evaluate(data));
        StringAssert.Contains(error.Message, "Schema mismatch for label column 'Label': expected Single or Double, got String");
    }

    [TestMethod]
    public void Evaluate_AfterCancelExecution_ThrowsOperationCanceled()
    {
        var cancelled = new MLContext(1);
        cancelled.CancelExecution();
        Assert.ThrowsExactly<OperationCanceledException>(() => cancelled.MulticlassClassification.Evaluate(ScoredMulticlass()));
        Assert.ThrowsExactly<OperationCanceledException>(() => cancelled.BinaryClassification.Evaluate(ScoredBinary()));
    }
}
