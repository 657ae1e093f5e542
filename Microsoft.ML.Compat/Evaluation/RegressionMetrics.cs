namespace Microsoft.ML.Data;

/// <summary>Metrics of a regression model, as returned by <c>Regression.Evaluate</c>.</summary>
public sealed class RegressionMetrics
{
    internal RegressionMetrics(double meanAbsoluteError, double meanSquaredError, double lossFunction, double rSquared)
    {
        MeanAbsoluteError = meanAbsoluteError;
        MeanSquaredError = meanSquaredError;
        RootMeanSquaredError = Math.Sqrt(meanSquaredError);
        LossFunction = lossFunction;
        RSquared = rSquared;
    }

    /// <summary>Mean of |label - score|.</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>Mean of (label - score)².</summary>
    public double MeanSquaredError { get; }

    /// <summary>Square root of <see cref="MeanSquaredError"/>.</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>Mean of the evaluation loss (squared loss, as in ML.NET's default).</summary>
    public double LossFunction { get; }

    /// <summary>1 - (sum of squared errors) / (sum of squared deviations of the label from its mean).</summary>
    public double RSquared { get; }
}
