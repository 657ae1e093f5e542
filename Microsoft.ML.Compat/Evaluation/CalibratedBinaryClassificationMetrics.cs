namespace Microsoft.ML.Data;

/// <summary>Binary metrics including those computed from the calibrated probability (<c>Evaluate</c>).</summary>
public sealed class CalibratedBinaryClassificationMetrics : BinaryClassificationMetrics
{
    internal CalibratedBinaryClassificationMetrics(BinaryMetricsAccumulator.Counts counts, double areaUnderRocCurve,
        double areaUnderPrecisionRecallCurve, double logLoss, double logLossReduction, double entropy)
        : base(counts, areaUnderRocCurve, areaUnderPrecisionRecallCurve)
    {
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        Entropy = entropy;
    }

    /// <summary>Mean of -log2 of the probability given to the true class.</summary>
    public double LogLoss { get; }

    /// <summary>(Entropy - LogLoss) / Entropy: the improvement over predicting the positive rate for every row.</summary>
    public double LogLossReduction { get; }

    /// <summary>Entropy in bits of the label distribution (the log loss of the prior).</summary>
    public double Entropy { get; }
}
