using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Evaluation;

[TestClass]
public sealed class GlueMetricsTests
{
    // TP at 0,1,7; FN at 2; FP at 5; TN at 3,4,6.
    private static readonly bool[] Labels = { true, true, true, false, false, false, false, true };
    private static readonly bool[] Predictions = { true, true, false, false, false, true, false, true };

    [TestMethod]
    public void MatthewsCorrelation_OfBinaryPredictions_MatchesHandComputation()
    {
        // (TP·TN - FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (9 - 1) / sqrt(4·4·4·4) = 0.5.
        Assert.AreEqual(0.5, GlueMetrics.MatthewsCorrelation(Labels, Predictions), 1e-12);
    }

    [TestMethod]
    public void MatthewsCorrelation_WhenEveryPredictionIsOneClass_IsZero()
    {
        var allTrue = Enumerable.Repeat(true, Labels.Length).ToArray();
        Assert.AreEqual(0.0, GlueMetrics.MatthewsCorrelation(Labels, allTrue));
    }

    [TestMethod]
    public void MatthewsCorrelation_OfMulticlassConfusionMatrix_UsesGorodkinFormula()
    {
        // Counts [[2,0,0],[1,1,0],[1,1,0]]: s = 6, c = 3, actual totals t = (2,2,2), predicted totals p = (4,2,0).
        // p·t = 8 + 4 + 0 = 12, p·p = 16 + 4 = 20, t·t = 12:
        // (c·s - p·t) / sqrt((s² - p·p)(s² - t·t)) = (18 - 12) / sqrt(16 · 24) = 6 / sqrt(384) = 0.306186.
        var accumulator = new MulticlassMetricsAccumulator(3);
        accumulator.Add(0, new[] { 1f, 0f, 0f });
        accumulator.Add(0, new[] { 1f, 0f, 0f });
        accumulator.Add(1, new[] { 1f, 0f, 0f });
        accumulator.Add(1, new[] { 0f, 1f, 0f });
        accumulator.Add(2, new[] { 1f, 0f, 0f });
        accumulator.Add(2, new[] { 0f, 1f, 0f });
        var matrix = accumulator.ToMetrics(0, new[] { "a".AsMemory(), "b".AsMemory(), "c".AsMemory() }).ConfusionMatrix;
        Assert.AreEqual(6 / Math.Sqrt(384), GlueMetrics.MatthewsCorrelation(matrix), 1e-12);
    }

    [TestMethod]
    public void F1Score_OfBinaryPredictions_IsTwoTpOverTwoTpPlusErrors()
    {
        // 2·3 / (2·3 + 1 + 1) = 0.75.
        Assert.AreEqual(0.75, GlueMetrics.F1Score(Labels, Predictions), 1e-12);
    }

    [TestMethod]
    public void F1Score_WithoutTruePositives_IsZero()
    {
        Assert.AreEqual(0.0, GlueMetrics.F1Score(new[] { true, false }, new[] { false, true }));
    }

    [TestMethod]
    public void PearsonCorrelation_MatchesHandComputation()
    {
        // dx = -2,-1,0,1,2; dy = -2,0,1,0,1; cov 6, Sxx 10, Syy 6 -> 6 / sqrt(60) = 0.774597.
        Assert.AreEqual(6 / Math.Sqrt(60), GlueMetrics.PearsonCorrelation(new[] { 1.0, 2, 3, 4, 5 }, new[] { 2.0, 4, 5, 4, 5 }), 1e-12);
    }

    [TestMethod]
    public void SpearmanCorrelation_RanksTiesByTheirMeanRank()
    {
        // y = 2,4,5,4,5 ranks 1, 2.5, 4.5, 2.5, 4.5 (ties share the mean of ranks 2,3 and 4,5).
        // d(rank y) = -2,-0.5,1.5,-0.5,1.5 against dx = -2..2: cov 7, Sxx 10, Syy 9 -> 7 / sqrt(90) = 0.737865.
        Assert.AreEqual(7 / Math.Sqrt(90), GlueMetrics.SpearmanCorrelation(new[] { 1f, 2, 3, 4, 5 }, new[] { 2f, 4, 5, 4, 5 }), 1e-12);
    }

    [TestMethod]
    public void Ranks_OfTiedValues_AreTheirMeanRank()
    {
        CollectionAssert.AreEqual(new[] { 3.0, 1.5, 1.5, 4.0 }, GlueMetrics.Ranks(new[] { 7.0, 1, 1, 9 }));
    }

    [TestMethod]
    public void Correlation_OfSequencesOfDifferentLength_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => GlueMetrics.PearsonCorrelation(new[] { 1.0, 2 }, new[] { 1.0 }));
    }
}
