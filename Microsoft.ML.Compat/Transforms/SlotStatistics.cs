namespace Microsoft.ML.Transforms;

/// <summary>
/// Per-slot minimum, maximum, mean and population variance of a numeric column (Welford's online update),
/// ignoring NaN values, as the normalizers need.
/// </summary>
internal sealed class SlotStatistics
{
    private readonly double[] _min, _max, _mean, _m2;
    private readonly long[] _count;

    public SlotStatistics(int slots)
    {
        _min = Enumerable.Repeat(double.PositiveInfinity, slots).ToArray();
        _max = Enumerable.Repeat(double.NegativeInfinity, slots).ToArray();
        _mean = new double[slots];
        _m2 = new double[slots];
        _count = new long[slots];
    }

    public int Slots => _mean.Length;

    public void Add(int slot, double value)
    {
        if (double.IsNaN(value))
            return;
        _min[slot] = Math.Min(_min[slot], value);
        _max[slot] = Math.Max(_max[slot], value);
        long n = ++_count[slot];
        double delta = value - _mean[slot];
        _mean[slot] += delta / n;
        _m2[slot] += delta * (value - _mean[slot]);
    }

    public double Min(int slot) => _min[slot];
    public double Max(int slot) => _max[slot];
    public double Mean(int slot) => _mean[slot];

    /// <summary>Population variance (sum of squared deviations over the count); 0 for an empty slot.</summary>
    public double Variance(int slot) => _count[slot] == 0 ? 0 : _m2[slot] / _count[slot];

    /// <summary>Reads up to <paramref name="maximumExampleCount"/> rows of <paramref name="column"/> (Single or Double, scalar or
    /// known-size vector), stopping when the context's execution is cancelled.</summary>
    public static SlotStatistics Compute(IDataView data, DataViewSchema.Column column, long maximumExampleCount, MLContext context)
    {
        int slots = column.Type is Data.VectorDataViewType vector ? vector.Size : 1;
        var statistics = new SlotStatistics(slots);
        using var cursor = data.GetRowCursor(new[] { column });
        var read = NumericSlots.Reader(cursor, column);
        for (long row = 0; row < maximumExampleCount && cursor.MoveNext(); row++)
        {
            context.CheckAlive();
            var values = read();
            for (int slot = 0; slot < slots; slot++)
                statistics.Add(slot, values[slot]);
        }
        return statistics;
    }
}
