using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Evaluation;

[TestClass]
public sealed class MulticlassMetricsAccumulatorTests
{
    private static readonly ReadOnlyMemory<char>[] ClassNames = { "0".AsMemory(), "1".AsMemory(), "2".AsMemory() };

    /// <summary>
    /// Six rows, two per class:
    ///   label 0 [0.7 0.2 0.1] -> 0 ok,   -ln 0.7 = 0.356675, label rank 0
    ///   label 1 [0.3 0.6 0.1] -> 1 ok,   -ln 0.6 = 0.510826, rank 0
    ///   label 1 [0.5 0.4 0.1] -> 0 miss, -ln 0.4 = 0.916291, rank 1
    ///   label 2 [0.2 0.5 0.3] -> 1 miss, -ln 0.3 = 1.203973, rank 1
    ///   label 0 [1.0 0.0 0.0] -> 0 ok,   -ln 1   = 0,        rank 0
    ///   label 2 [0.6 0.4 0.0] -> 0 miss, -ln(1e-15) = 34.538776 (score 0 clamped), rank 2
    /// </summary>
    private static MulticlassClassificationMetrics SixRowMetrics(int topK = 0)
    {
        var accumulator = new MulticlassMetricsAccumulator(3);
        accumulator.Add(0, new[] { 0.7f, 0.2f, 0.1f });
        accumulator.Add(1, new[] { 0.3f, 0.6f, 0.1f });
        accumulator.Add(1, new[] { 0.5f, 0.4f, 0.1f });
        accumulator.Add(2, new[] { 0.2f, 0.5f, 0.3f });
        accumulator.Add(0, new[] { 1.0f, 0.0f, 0.0f });
        accumulator.Add(2, new[] { 0.6f, 0.4f, 0.0f });
        return accumulator.ToMetrics(topK, ClassNames);
    }

    [TestMethod]
    public void MicroAccuracy_IsCorrectRowsOverAllRows()
    {
        // 3 correct of 6.
        Assert.AreEqual(0.5, SixRowMetrics().MicroAccuracy, 1e-12);
    }

    [TestMethod]
    public void MacroAccuracy_AveragesPerClassRecall()
    {
        // recall: class 0 = 2/2, class 1 = 1/2, class 2 = 0/2 -> (1 + 0.5 + 0) / 3 = 0.5.
        Assert.AreEqual(0.5, SixRowMetrics().MacroAccuracy, 1e-12);
    }

    [TestMethod]
    public void MacroAccuracy_IgnoresClassesAbsentFromTheLabels()
    {
        // Only classes 0 and 2 occur: recall 1 (1/1) and 0 (0/1) -> 0.5, not (1 + 0 + 0) / 3.
        var accumulator = new MulticlassMetricsAccumulator(3);
        accumulator.Add(0, new[] { 0.9f, 0.05f, 0.05f });
        accumulator.Add(2, new[] { 0.1f, 0.8f, 0.1f });
        Assert.AreEqual(0.5, accumulator.ToMetrics(0, ClassNames).MacroAccuracy, 1e-12);
    }

    [TestMethod]
    public void LogLoss_IsMeanNegativeLogOfLabelScoreClampedAt1e15()
    {
        // (0.356675 + 0.510826 + 0.916291 + 1.203973 + 0 + 34.538776) / 6 = 6.254423.
        Assert.AreEqual(6.254423416, SixRowMetrics().LogLoss, 1e-6);
    }

    [TestMethod]
    public void LogLossReduction_IsRelativeToThePriorEntropy()
    {
        // Uniform prior over 3 classes: H = ln 3 = 1.098612; (1.098612 - 6.254423) / 1.098612 = -4.693022.
        Assert.AreEqual(-4.693021534, SixRowMetrics().LogLossReduction, 1e-6);
    }

    [TestMethod]
    public void PerClassLogLoss_AveragesTheRowsOfEachClass()
    {
        // class 0: (0.356675 + 0) / 2; class 1: (0.510826 + 0.916291) / 2; class 2: (1.203973 + 34.538776) / 2.
        var perClass = SixRowMetrics().PerClassLogLoss;
        Assert.AreEqual(0.178337472, perClass[0], 1e-6);
        Assert.AreEqual(0.713558178, perClass[1], 1e-6);
        Assert.AreEqual(17.871374600, perClass[2], 1e-6);
    }

    [TestMethod]
    public void TopKAccuracy_CountsLabelsRankedWithinK()
    {
        // Label ranks 0,0,1,1,0,2: top-1 = 3/6, top-2 = 5/6, top-3 = 6/6.
        var metrics = SixRowMetrics(topK: 2);
        Assert.AreEqual(2, metrics.TopKPredictionCount);
        Assert.AreEqual(5.0 / 6, metrics.TopKAccuracy, 1e-12);
        CollectionAssert.AreEqual(new[] { 0.5, 5.0 / 6, 1.0 }, metrics.TopKAccuracyForAllK.ToArray());
    }

    [TestMethod]
    public void TopKAccuracy_IsZeroWhenKIsNotRequested()
    {
        Assert.AreEqual(0.0, SixRowMetrics().TopKAccuracy);
    }

    [TestMethod]
    public void PredictedClass_OnTiedScores_IsTheLowerIndex()
    {
        // Both classes score 0.5: the prediction is class 0, so the class-1 row is a miss.
        var accumulator = new MulticlassMetricsAccumulator(2);
        accumulator.Add(1, new[] { 0.5f, 0.5f });
        var metrics = accumulator.ToMetrics(0, new[] { "a".AsMemory(), "b".AsMemory() });
        Assert.AreEqual(0.0, metrics.MicroAccuracy);
        Assert.AreEqual(1.0, metrics.ConfusionMatrix.GetCountForClassPair(predictedClassIndicatorIndex: 0, actualClassIndicatorIndex: 1));
    }

    [TestMethod]
    public void LabelBeyondTheScores_CountsAsAMissWithMaximalLogLoss()
    {
        // Row 1 correct with -ln 1 = 0; row 2 has label 2 but only 2 scores: a miss costing -ln(1e-15) = 34.538776.
        var accumulator = new MulticlassMetricsAccumulator(2);
        accumulator.Add(0, new[] { 1f, 0f });
        accumulator.Add(2, new[] { 1f, 0f });
        var metrics = accumulator.ToMetrics(0, new[] { "a".AsMemory(), "b".AsMemory() });
        Assert.AreEqual(0.5, metrics.MicroAccuracy, 1e-12);
        Assert.AreEqual(34.538776395 / 2, metrics.LogLoss, 1e-6);
    }

    [TestMethod]
    public void ConfusionMatrix_HasActualRowsAndPredictedColumns()
    {
        var matrix = SixRowMetrics().ConfusionMatrix;
        Assert.AreEqual(3, matrix.NumberOfClasses);
        CollectionAssert.AreEqual(new double[] { 2, 0, 0 }, matrix.Counts[0].ToArray());
        CollectionAssert.AreEqual(new double[] { 1, 1, 0 }, matrix.Counts[1].ToArray());
        CollectionAssert.AreEqual(new double[] { 1, 1, 0 }, matrix.Counts[2].ToArray());
        // precision = diagonal / column sum: 2/4, 1/2, 0 (never predicted); recall = diagonal / row sum: 2/2, 1/2, 0/2.
        CollectionAssert.AreEqual(new[] { 0.5, 0.5, 0.0 }, matrix.PerClassPrecision.ToArray());
        CollectionAssert.AreEqual(new[] { 1.0, 0.5, 0.0 }, matrix.PerClassRecall.ToArray());
    }

    [TestMethod]
    public void FormattedConfusionTable_MatchesMlNetLayout()
    {
        string expected = string.Join("\n",
            "",
            "Confusion table",
            "          ||========================",
            "PREDICTED ||     0 |     1 |     2 | Recall",
            "TRUTH     ||========================",
            "        0 ||     2 |     0 |     0 | 1.0000",
            "        1 ||     1 |     1 |     0 | 0.5000",
            "        2 ||     1 |     1 |     0 | 0.0000",
            "          ||========================",
            "Precision ||0.5000 |0.5000 |0.0000 |",
            "");
        Assert.AreEqual(expected, SixRowMetrics().ConfusionMatrix.GetFormattedConfusionTable().ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void FormattedConfusionTable_WithLongClassNames_UsesIndicesInTheHeader()
    {
        var accumulator = new MulticlassMetricsAccumulator(3);
        accumulator.Add(0, new[] { 1f, 0f, 0f });
        accumulator.Add(1, new[] { 0f, 1f, 0f });
        accumulator.Add(2, new[] { 0f, 1f, 0f });
        var names = new[] { "negative".AsMemory(), "neutral".AsMemory(), "positive".AsMemory() };
        string table = accumulator.ToMetrics(0, names).ConfusionMatrix.GetFormattedConfusionTable().ReplaceLineEndings("\n");
        // Names are 8 wide > column width 5, so the label column is 8 + 1 digit + ". " = 11 wide (2 more than "PREDICTED").
        StringAssert.Contains(table, "PREDICTED   ||     0 |     1 |     2 | Recall\n");
        StringAssert.Contains(table, "2. positive ||     0 |     1 |     0 | 0.0000\n");
        StringAssert.Contains(table, "Precision   ||1.0000 |0.5000 |0.0000 |\n");
    }

    [TestMethod]
    public void ToMetrics_WithNoRows_Throws()
    {
        var accumulator = new MulticlassMetricsAccumulator(2);
        Assert.ThrowsExactly<InvalidOperationException>(() => accumulator.ToMetrics(0, new[] { "a".AsMemory(), "b".AsMemory() }));
    }

    [TestMethod]
    public void Add_WithScoreVectorOfWrongSize_Throws()
    {
        var accumulator = new MulticlassMetricsAccumulator(3);
        var error = Assert.ThrowsExactly<ArgumentException>(() => accumulator.Add(0, new[] { 1f, 0f }));
        StringAssert.Contains(error.Message, "Expected 3 scores, got 2");
    }
}
