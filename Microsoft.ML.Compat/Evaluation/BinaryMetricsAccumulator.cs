namespace Microsoft.ML.Data;

/// <summary>
/// Accumulates binary-classification metrics with ML.NET's definitions: a row is predicted positive when its raw
/// score is above 0; log loss is in bits (-log2 of the probability of the true class); AUC counts tied
/// positive/negative pairs as half; AUPRC uses the lower-trapezoid estimator over rows sorted by score.
/// </summary>
internal sealed class BinaryMetricsAccumulator
{
    private readonly List<(float Score, bool Label)> _rows = new();
    private Counts _counts;
    private double _logLossSum;

    /// <summary>Adds a row; <paramref name="probability"/> is NaN when there is no calibrated probability.</summary>
    public void Add(bool label, float score, float probability = float.NaN)
    {
        bool predictedPositive = score > 0;
        if (label)
        {
            if (predictedPositive) _counts.TruePositive++; else _counts.FalseNegative++;
        }
        else
        {
            if (predictedPositive) _counts.FalsePositive++; else _counts.TrueNegative++;
        }
        _logLossSum += -Math.Log(label ? probability : 1.0 - probability, 2);
        _rows.Add((score, label));
    }

    public BinaryClassificationMetrics ToMetrics()
    {
        CheckBothClassesPresent();
        return new BinaryClassificationMetrics(_counts, AreaUnderRocCurve(), AreaUnderPrecisionRecallCurve());
    }

    public CalibratedBinaryClassificationMetrics ToCalibratedMetrics()
    {
        CheckBothClassesPresent();
        double total = _counts.Total;
        double entropy = BinaryEntropy((_counts.TruePositive + _counts.FalseNegative) / total);
        double logLoss = _logLossSum / total;
        return new CalibratedBinaryClassificationMetrics(_counts, AreaUnderRocCurve(), AreaUnderPrecisionRecallCurve(),
            logLoss, (entropy - logLoss) / entropy, entropy);
    }

    private void CheckBothClassesPresent()
    {
        if (_counts.TruePositive + _counts.FalseNegative == 0)
            throw new ArgumentOutOfRangeException("data", "AUC is not defined when there is no positive class in the data");
        if (_counts.TrueNegative + _counts.FalsePositive == 0)
            throw new ArgumentOutOfRangeException("data", "AUC is not defined when there is no negative class in the data");
    }

    /// <summary>Entropy in bits of a Bernoulli(p) variable.</summary>
    internal static double BinaryEntropy(double p) =>
        p <= 0 || p >= 1 ? 0 : -p * Math.Log(p, 2) - (1 - p) * Math.Log(1 - p, 2);

    /// <summary>Mann-Whitney AUC: walk score groups from high to low; a negative scores below every positive seen
    /// so far, and half below the positives tied with it.</summary>
    private double AreaUnderRocCurve()
    {
        var sorted = _rows.OrderByDescending(r => r.Score).ToArray();
        double positivesAbove = 0, negatives = 0, pairsWon = 0;
        for (int start = 0; start < sorted.Length;)
        {
            int end = start;
            double groupPositives = 0, groupNegatives = 0;
            while (end < sorted.Length && sorted[end].Score == sorted[start].Score)
            {
                if (sorted[end].Label) groupPositives++; else groupNegatives++;
                end++;
            }
            pairsWon += groupNegatives * (positivesAbove + 0.5 * groupPositives);
            positivesAbove += groupPositives;
            negatives += groupNegatives;
            start = end;
        }
        return pairsWon / (positivesAbove * negatives);
    }

    /// <summary>Lower-trapezoid AUPRC: predict rows positive one at a time in descending score order (a stable
    /// sort, so ties keep row order); each positive adds a trapezoid between the previous lowest precision and
    /// the current precision over the recall step.</summary>
    private double AreaUnderPrecisionRecallCurve()
    {
        double positives = _counts.TruePositive + _counts.FalseNegative;
        double truePositives = 0, falsePositives = 0, previousRecall = 0, previousPrecision = 1, area = 0;
        foreach (var row in _rows.OrderByDescending(r => r.Score))
        {
            if (row.Label)
            {
                truePositives++;
                double recall = truePositives / positives;
                double precision = truePositives / (truePositives + falsePositives);
                area += (recall - previousRecall) * (previousPrecision + precision) / 2;
                previousRecall = recall;
                previousPrecision = precision;
            }
            else
            {
                falsePositives++;
                previousPrecision = truePositives / (truePositives + falsePositives);
            }
        }
        return area;
    }

    /// <summary>The four cells of the confusion matrix and the rates derived from them.</summary>
    internal struct Counts
    {
        public double TruePositive, FalseNegative, FalsePositive, TrueNegative;

        public readonly double Total => TruePositive + FalseNegative + FalsePositive + TrueNegative;
        public readonly double Accuracy => (TruePositive + TrueNegative) / Total;
        public readonly double PositivePrecision => Ratio(TruePositive, TruePositive + FalsePositive);
        public readonly double PositiveRecall => Ratio(TruePositive, TruePositive + FalseNegative);
        public readonly double NegativePrecision => Ratio(TrueNegative, TrueNegative + FalseNegative);
        public readonly double NegativeRecall => Ratio(TrueNegative, TrueNegative + FalsePositive);

        private static double Ratio(double part, double whole) => whole > 0 ? part / whole : 0;

        public readonly ConfusionMatrix ToConfusionMatrix() => new(
            new[] { new[] { TruePositive, FalseNegative }, new[] { FalsePositive, TrueNegative } },
            new[] { "positive".AsMemory(), "negative".AsMemory() },
            isBinary: true);
    }
}
