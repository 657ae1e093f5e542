namespace Microsoft.ML.Data;

/// <summary>Accumulates regression errors one row at a time.</summary>
internal sealed class RegressionMetricsAccumulator
{
    private long _rows;
    private double _absoluteErrorSum, _squaredErrorSum, _labelSum, _labelSquaredSum;

    public void Add(double label, double score)
    {
        double error = label - score;
        _rows++;
        _absoluteErrorSum += Math.Abs(error);
        _squaredErrorSum += error * error;
        _labelSum += label;
        _labelSquaredSum += label * label;
    }

    public RegressionMetrics ToMetrics()
    {
        if (_rows == 0)
            throw new InvalidOperationException("No labelled rows to evaluate: every row had a NaN label or a non-finite score.");
        double mse = _squaredErrorSum / _rows;
        double mean = _labelSum / _rows;
        double labelVariance = _labelSquaredSum / _rows - mean * mean;
        return new RegressionMetrics(_absoluteErrorSum / _rows, mse, mse, 1 - mse / labelVariance);
    }
}
