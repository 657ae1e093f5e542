namespace Microsoft.ML.Data;

/// <summary>
/// The GLUE benchmark's task metrics that ML.NET's evaluators do not report: Matthews correlation (CoLA),
/// F1 of the positive class (MRPC, QQP), Pearson and Spearman correlation (STS-B).
/// </summary>
public static class GlueMetrics
{
    /// <summary>Matthews correlation of binary predictions; 0 when a marginal is empty (all one class).</summary>
    public static double MatthewsCorrelation(ReadOnlySpan<bool> labels, ReadOnlySpan<bool> predictions) =>
        MatthewsFromCounts(BinaryCounts(labels, predictions));

    /// <summary>
    /// Matthews correlation of a K-class confusion matrix (Gorodkin's generalisation, equal to the usual
    /// (TP·TN - FP·FN) / sqrt(...) for two classes); 0 when the predictions or the labels are all one class.
    /// </summary>
    public static double MatthewsCorrelation(ConfusionMatrix confusionMatrix)
    {
        ArgumentNullException.ThrowIfNull(confusionMatrix);
        return MatthewsFromCounts(confusionMatrix.Counts);
    }

    /// <summary>F1 of the positive class: 2·TP / (2·TP + FP + FN); 0 when there is no true positive.</summary>
    public static double F1Score(ReadOnlySpan<bool> labels, ReadOnlySpan<bool> predictions) =>
        F1FromCounts(BinaryCounts(labels, predictions), positive: 0);

    /// <summary>F1 of class <paramref name="positiveClassIndex"/> of a confusion matrix (see
    /// <see cref="ConfusionMatrix.PredictedClassesIndicators"/> for which index holds which label).</summary>
    public static double F1Score(ConfusionMatrix confusionMatrix, int positiveClassIndex)
    {
        ArgumentNullException.ThrowIfNull(confusionMatrix);
        if ((uint)positiveClassIndex >= (uint)confusionMatrix.NumberOfClasses)
            throw new ArgumentOutOfRangeException(nameof(positiveClassIndex), $"Class index {positiveClassIndex} is outside 0..{confusionMatrix.NumberOfClasses - 1}.");
        return F1FromCounts(confusionMatrix.Counts, positiveClassIndex);
    }

    /// <summary>Pearson's linear correlation; NaN when either sequence is constant.</summary>
    public static double PearsonCorrelation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckPaired(x.Length, y.Length);
        double meanX = Mean(x), meanY = Mean(y);
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        return covariance / Math.Sqrt(varianceX * varianceY);
    }

    /// <summary>Pearson's correlation of single-precision values (e.g. a Score column against a float label).</summary>
    public static double PearsonCorrelation(ReadOnlySpan<float> x, ReadOnlySpan<float> y) =>
        PearsonCorrelation(ToDouble(x), ToDouble(y));

    /// <summary>Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their mean rank.</summary>
    public static double SpearmanCorrelation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckPaired(x.Length, y.Length);
        return PearsonCorrelation(Ranks(x), Ranks(y));
    }

    /// <summary>Spearman's rank correlation of single-precision values.</summary>
    public static double SpearmanCorrelation(ReadOnlySpan<float> x, ReadOnlySpan<float> y) =>
        SpearmanCorrelation(ToDouble(x), ToDouble(y));

    /// <summary>1-based ranks; a run of equal values gets the mean of the ranks it spans.</summary>
    internal static double[] Ranks(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var keys = values.ToArray();
        Array.Sort((double[])keys.Clone(), order);
        var ranks = new double[values.Length];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && keys[order[end + 1]] == keys[order[start]])
                end++;
            double meanRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++)
                ranks[order[i]] = meanRank;
            start = end + 1;
        }
        return ranks;
    }

    private static double MatthewsFromCounts(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        int k = counts.Count;
        double total = 0, correct = 0, predictedDotActual = 0, predictedSquares = 0, actualSquares = 0;
        var predictedTotals = new double[k];
        var actualTotals = new double[k];
        for (int actual = 0; actual < k; actual++)
        {
            for (int predicted = 0; predicted < k; predicted++)
            {
                double n = counts[actual][predicted];
                total += n;
                actualTotals[actual] += n;
                predictedTotals[predicted] += n;
            }
            correct += counts[actual][actual];
        }
        for (int c = 0; c < k; c++)
        {
            predictedDotActual += predictedTotals[c] * actualTotals[c];
            predictedSquares += predictedTotals[c] * predictedTotals[c];
            actualSquares += actualTotals[c] * actualTotals[c];
        }
        double denominator = Math.Sqrt((total * total - predictedSquares) * (total * total - actualSquares));
        return denominator == 0 ? 0 : (correct * total - predictedDotActual) / denominator;
    }

    private static double F1FromCounts(IReadOnlyList<IReadOnlyList<double>> counts, int positive)
    {
        double truePositive = counts[positive][positive], predictedPositive = 0, actualPositive = 0;
        for (int c = 0; c < counts.Count; c++)
        {
            predictedPositive += counts[c][positive];
            actualPositive += counts[positive][c];
        }
        return truePositive == 0 ? 0 : 2 * truePositive / (predictedPositive + actualPositive);
    }

    /// <summary>A 2x2 matrix with the positive class (true) at index 0, as in ML.NET's binary confusion matrix.</summary>
    private static IReadOnlyList<IReadOnlyList<double>> BinaryCounts(ReadOnlySpan<bool> labels, ReadOnlySpan<bool> predictions)
    {
        CheckPaired(labels.Length, predictions.Length);
        var counts = new[] { new double[2], new double[2] };
        for (int i = 0; i < labels.Length; i++)
            counts[labels[i] ? 0 : 1][predictions[i] ? 0 : 1]++;
        return counts;
    }

    private static void CheckPaired(int first, int second)
    {
        if (first != second)
            throw new ArgumentException($"The two sequences must have the same length, got {first} and {second}.");
        if (first == 0)
            throw new ArgumentException("The sequences are empty.");
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
            sum += v;
        return sum / values.Length;
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }
}
