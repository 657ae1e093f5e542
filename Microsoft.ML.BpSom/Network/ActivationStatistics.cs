namespace Microsoft.ML.BpSom;

/// <summary>Mean and standard deviation of each unit of one hidden layer, gathered as the reference does
/// (ALGORITHMS.md A.10): the mean over the learning epoch, then the spread around that mean during the labelling pass.</summary>
internal sealed class ActivationStatistics
{
    private double[] _sum;
    private double[] _spread;

    public ActivationStatistics(int unitCount)
    {
        _sum = new double[unitCount];
        _spread = new double[unitCount];
        Mean = new float[unitCount];
        StandardDeviation = new float[unitCount];
    }

    public float[] Mean { get; private set; }
    public float[] StandardDeviation { get; private set; }

    /// <summary>Starts a new mean. Parity mode never calls this: the reference's "reset average" routine clears the
    /// spread instead, so its sums carry over from epoch to epoch (ALGORITHMS.md A.10 [quirk]).</summary>
    public void ResetMean() => Array.Clear(_sum);

    public void AddToMean(ReadOnlySpan<float> activation)
    {
        for (int i = 0; i < _sum.Length; i++) _sum[i] += activation[i];
    }

    /// <summary>Mean = sum / n. Like the reference, the sum itself becomes the mean, so a sum that is not reset
    /// starts the next epoch from the previous mean.</summary>
    public void FinishMean(int count)
    {
        for (int i = 0; i < _sum.Length; i++)
        {
            _sum[i] /= count;
            Mean[i] = (float)_sum[i];
        }
        Array.Clear(_spread);
    }

    public void AddToSpread(ReadOnlySpan<float> activation)
    {
        for (int i = 0; i < _spread.Length; i++)
        {
            double d = activation[i] - Mean[i];
            _spread[i] += d * d;
        }
    }

    public void FinishSpread(int count)
    {
        for (int i = 0; i < _spread.Length; i++) StandardDeviation[i] = (float)Math.Sqrt(_spread[i] / count);
    }

    public void RemoveUnit(int unit)
    {
        _sum = Without(_sum, unit);
        _spread = Without(_spread, unit);
        Mean = Without(Mean, unit);
        StandardDeviation = Without(StandardDeviation, unit);
    }

    private static T[] Without<T>(T[] source, int index) => [.. source.AsSpan(0, index), .. source.AsSpan(index + 1)];
}
