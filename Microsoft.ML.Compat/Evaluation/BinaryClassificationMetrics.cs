namespace Microsoft.ML.Data;

/// <summary>Metrics of a binary classifier that need only its raw score (<c>EvaluateNonCalibrated</c>).</summary>
public class BinaryClassificationMetrics
{
    internal BinaryClassificationMetrics(BinaryMetricsAccumulator.Counts counts, double areaUnderRocCurve, double areaUnderPrecisionRecallCurve)
    {
        AreaUnderRocCurve = areaUnderRocCurve;
        AreaUnderPrecisionRecallCurve = areaUnderPrecisionRecallCurve;
        Accuracy = counts.Accuracy;
        PositivePrecision = counts.PositivePrecision;
        PositiveRecall = counts.PositiveRecall;
        NegativePrecision = counts.NegativePrecision;
        NegativeRecall = counts.NegativeRecall;
        F1Score = 2 * PositivePrecision * PositiveRecall / (PositivePrecision + PositiveRecall);
        ConfusionMatrix = counts.ToConfusionMatrix();
    }

    /// <summary>Probability that a random positive row scores higher than a random negative one (ties count half).</summary>
    public double AreaUnderRocCurve { get; }

    /// <summary>Fraction of rows classified correctly (positive when the score is above 0).</summary>
    public double Accuracy { get; }

    public double PositivePrecision { get; }
    public double PositiveRecall { get; }
    public double NegativePrecision { get; }
    public double NegativeRecall { get; }

    /// <summary>Harmonic mean of <see cref="PositivePrecision"/> and <see cref="PositiveRecall"/> (NaN when both are 0).</summary>
    public double F1Score { get; }

    /// <summary>Area under the precision-recall curve, by the lower-trapezoid estimator ML.NET uses.</summary>
    public double AreaUnderPrecisionRecallCurve { get; }

    /// <summary>Rows/columns: positive, negative.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }
}
