namespace Microsoft.ML.BpSom;

/// <summary>Each hidden unit's mean and standard deviation over a labelling pass, the measure unit pruning tests
/// (ALGORITHMS.md A.11). Sums are kept in double so that a pass over tens of thousands of rows loses no precision.</summary>
internal sealed class UnitStatistics
{
    private readonly double[] _sum, _sumOfSquares;
    private long _rows;

    public UnitStatistics(int units)
    {
        _sum = new double[units];
        _sumOfSquares = new double[units];
    }

    public int Count => _sum.Length;

    public void Add(ReadOnlySpan<float> activation)
    {
        for (int i = 0; i < _sum.Length; i++)
        {
            _sum[i] += activation[i];
            _sumOfSquares[i] += (double)activation[i] * activation[i];
        }
        _rows++;
    }

    public double Mean(int unit) => _rows == 0 ? 0 : _sum[unit] / _rows;

    public double StandardDeviation(int unit)
    {
        if (_rows == 0) return 0;
        double mean = Mean(unit);
        return Math.Sqrt(Math.Max(0, _sumOfSquares[unit] / _rows - mean * mean));
    }
}
