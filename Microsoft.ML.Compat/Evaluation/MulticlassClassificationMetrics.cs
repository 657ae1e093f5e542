namespace Microsoft.ML.Data;

/// <summary>Metrics of a multiclass classifier, as returned by <c>MulticlassClassification.Evaluate</c>.</summary>
public sealed class MulticlassClassificationMetrics
{
    internal MulticlassClassificationMetrics(double microAccuracy, double macroAccuracy, double logLoss, double logLossReduction,
        int topKPredictionCount, IReadOnlyList<double> topKAccuracyForAllK, IReadOnlyList<double> perClassLogLoss,
        ConfusionMatrix confusionMatrix)
    {
        MicroAccuracy = microAccuracy;
        MacroAccuracy = macroAccuracy;
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        TopKPredictionCount = topKPredictionCount;
        TopKAccuracyForAllK = topKAccuracyForAllK;
        TopKAccuracy = topKPredictionCount > 0 ? topKAccuracyForAllK[Math.Min(topKPredictionCount, topKAccuracyForAllK.Count) - 1] : 0;
        PerClassLogLoss = perClassLogLoss;
        ConfusionMatrix = confusionMatrix;
    }

    /// <summary>Fraction of rows whose highest-scoring class is the label.</summary>
    public double MicroAccuracy { get; }

    /// <summary>Mean over the classes present in the labels of each class's accuracy (recall).</summary>
    public double MacroAccuracy { get; }

    /// <summary>Mean of -ln(score of the label class), with the score clamped to [1e-15, 1].</summary>
    public double LogLoss { get; }

    /// <summary>(H - LogLoss) / H where H is the entropy of the label distribution (the log loss of predicting the prior).</summary>
    public double LogLossReduction { get; }

    /// <summary>Fraction of rows whose label is among the <see cref="TopKPredictionCount"/> highest scores (0 when K is 0).</summary>
    public double TopKAccuracy { get; }

    /// <summary>The K asked for in Evaluate's topKPredictionCount.</summary>
    public int TopKPredictionCount { get; }

    /// <summary>Top-K accuracy for K = 1..number of classes (entry K-1).</summary>
    public IReadOnlyList<double> TopKAccuracyForAllK { get; }

    /// <summary>Mean log loss of the rows of each class (NaN for a class with no rows).</summary>
    public IReadOnlyList<double> PerClassLogLoss { get; }

    public ConfusionMatrix ConfusionMatrix { get; }
}
