using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Evaluation;

[TestClass]
public sealed class BinaryMetricsAccumulatorTests
{
    /// <summary>
    /// (label, score, probability); predicted positive when score > 0:
    ///   T  2.0 0.9 -> TP      F  1.0 0.7 -> FP
    ///   T  0.5 0.6 -> TP      F -1.0 0.2 -> TN
    ///   T -0.5 0.4 -> FN      F -2.0 0.1 -> TN
    /// </summary>
    private static BinaryMetricsAccumulator SixRows()
    {
        var accumulator = new BinaryMetricsAccumulator();
        accumulator.Add(true, 2.0f, 0.9f);
        accumulator.Add(true, 0.5f, 0.6f);
        accumulator.Add(false, 1.0f, 0.7f);
        accumulator.Add(false, -1.0f, 0.2f);
        accumulator.Add(true, -0.5f, 0.4f);
        accumulator.Add(false, -2.0f, 0.1f);
        return accumulator;
    }

    [TestMethod]
    public void CountsAndRates_FollowTheConfusionCells()
    {
        // TP 2, FN 1, FP 1, TN 2.
        var metrics = SixRows().ToMetrics();
        Assert.AreEqual(4.0 / 6, metrics.Accuracy, 1e-12);
        Assert.AreEqual(2.0 / 3, metrics.PositivePrecision, 1e-12); // 2 / (2 + 1)
        Assert.AreEqual(2.0 / 3, metrics.PositiveRecall, 1e-12);    // 2 / (2 + 1)
        Assert.AreEqual(2.0 / 3, metrics.NegativePrecision, 1e-12); // 2 / (2 + 1)
        Assert.AreEqual(2.0 / 3, metrics.NegativeRecall, 1e-12);    // 2 / (2 + 1)
        Assert.AreEqual(2.0 / 3, metrics.F1Score, 1e-12);           // 2PR / (P + R) with P = R = 2/3
    }

    [TestMethod]
    public void AreaUnderRocCurve_IsFractionOfPositiveNegativePairsOrderedCorrectly()
    {
        // Positives {2, 0.5, -0.5} vs negatives {1, -1, -2}: 2 beats 3, 0.5 beats 2, -0.5 beats 2 -> 7/9.
        Assert.AreEqual(7.0 / 9, SixRows().ToMetrics().AreaUnderRocCurve, 1e-12);
    }

    [TestMethod]
    public void AreaUnderRocCurve_CountsTiedPairsAsHalf()
    {
        // One positive and one negative with the same score: 0.5 pairs won of 1.
        var accumulator = new BinaryMetricsAccumulator();
        accumulator.Add(true, 1f);
        accumulator.Add(false, 1f);
        Assert.AreEqual(0.5, accumulator.ToMetrics().AreaUnderRocCurve, 1e-12);
    }

    [TestMethod]
    public void AreaUnderPrecisionRecallCurve_UsesLowerTrapezoids()
    {
        // Descending scores: T F T T F F.
        //   T: recall 1/3, precision 1   -> 1/3 * (1 + 1) / 2     = 24/72; lowest precision 1
        //   F: lowest precision 1/2
        //   T: recall 2/3, precision 2/3 -> 1/3 * (1/2 + 2/3) / 2 = 14/72
        //   T: recall 1,   precision 3/4 -> 1/3 * (2/3 + 3/4) / 2 = 17/72   total 55/72
        Assert.AreEqual(55.0 / 72, SixRows().ToMetrics().AreaUnderPrecisionRecallCurve, 1e-12);
    }

    [TestMethod]
    public void CalibratedMetrics_UseBase2LogLossAndLabelEntropy()
    {
        // -log2 of the true class probability: 0.9, 0.6, 1-0.7, 1-0.2, 0.4, 1-0.1; their product is 0.6^6,
        // so the mean is -log2 0.6 = 0.736966 (to float precision of the inputs). Labels are 3/3, entropy 1 bit,
        // reduction (1 - 0.736966) / 1.
        var metrics = SixRows().ToCalibratedMetrics();
        Assert.AreEqual(0.736965594, metrics.LogLoss, 1e-6);
        Assert.AreEqual(1.0, metrics.Entropy, 1e-12);
        Assert.AreEqual(0.263034406, metrics.LogLossReduction, 1e-6);
        Assert.AreEqual(7.0 / 9, metrics.AreaUnderRocCurve, 1e-12);
    }

    [TestMethod]
    public void FormattedConfusionTable_StartsWithThePositiveRatio()
    {
        string expected = string.Join("\n",
            "TEST POSITIVE RATIO:\t0.5000 (3.0/(3.0+3.0))",
            "Confusion table",
            "          ||======================",
            "PREDICTED || positive | negative | Recall",
            "TRUTH     ||======================",
            " positive ||        2 |        1 | 0.6667",
            " negative ||        1 |        2 | 0.6667",
            "          ||======================",
            "Precision ||   0.6667 |   0.6667 |",
            "");
        Assert.AreEqual(expected, SixRows().ToMetrics().ConfusionMatrix.GetFormattedConfusionTable().ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void ToMetrics_WithoutNegatives_ThrowsBecauseAucIsUndefined()
    {
        var accumulator = new BinaryMetricsAccumulator();
        accumulator.Add(true, 1f);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => accumulator.ToMetrics());
        StringAssert.Contains(error.Message, "no negative class");
    }
}
