namespace Microsoft.ML.Transforms;

/// <summary>A learned per-slot normalizing function: affine ((x - offset) · scale) or the normal CDF.</summary>
internal abstract class SlotNormalizer
{
    private enum Kind : byte
    {
        Affine = 1,
        Cdf = 2,
    }

    public abstract double Apply(int slot, double value);

    public abstract void Save(BinaryWriter writer);

    public static SlotNormalizer Load(BinaryReader reader) => (Kind)reader.ReadByte() switch
    {
        Kind.Affine => new Affine(ReadDoubles(reader), ReadDoubles(reader)),
        Kind.Cdf => new Cdf(ReadDoubles(reader), ReadDoubles(reader)),
        var kind => throw new InvalidDataException($"Unknown normalizer kind {(byte)kind}."),
    };

    /// <summary>
    /// ML.NET's min-max scaling: with <paramref name="fixZero"/>, x / max(|min|, |max|) so 0 stays 0; otherwise
    /// (x - min) / (max - min). A slot whose max is not above its min (constant, all NaN, or no rows) maps to 0.
    /// </summary>
    public static SlotNormalizer MinMax(SlotStatistics statistics, bool fixZero)
    {
        var scale = new double[statistics.Slots];
        var offset = new double[statistics.Slots];
        for (int i = 0; i < scale.Length; i++)
        {
            double min = statistics.Min(i), max = statistics.Max(i);
            if (!(max > min))
                continue;
            scale[i] = fixZero ? 1 / Math.Max(Math.Abs(max), Math.Abs(min)) : 1 / (max - min);
            offset[i] = fixZero ? 0 : min;
        }
        return new Affine(scale, offset);
    }

    /// <summary>
    /// ML.NET's mean-variance scaling: with <paramref name="fixZero"/>, x / sqrt(variance + mean²) so 0 stays 0;
    /// otherwise (x - mean) / stddev; with <paramref name="useCdf"/>, the normal CDF of x under the slot's mean and
    /// stddev. Variances are population variances; a constant slot maps to 0.
    /// </summary>
    public static SlotNormalizer MeanVariance(SlotStatistics statistics, bool fixZero, bool useCdf)
    {
        var mean = Enumerable.Range(0, statistics.Slots).Select(statistics.Mean).ToArray();
        var variance = Enumerable.Range(0, statistics.Slots).Select(statistics.Variance).ToArray();
        if (useCdf)
            return new Cdf(mean, variance.Select(Math.Sqrt).ToArray());
        var scale = new double[mean.Length];
        var offset = new double[mean.Length];
        for (int i = 0; i < scale.Length; i++)
        {
            if (variance[i] == 0)
                continue;
            scale[i] = fixZero ? 1 / Math.Sqrt(variance[i] + mean[i] * mean[i]) : 1 / Math.Sqrt(variance[i]);
            offset[i] = fixZero ? 0 : mean[i];
        }
        return new Affine(scale, offset);
    }

    private static void WriteDoubles(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
            writer.Write(v);
    }

    private static double[] ReadDoubles(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0)
            throw new InvalidDataException($"Invalid slot count {count}.");
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = reader.ReadDouble();
        return values;
    }

    private sealed class Affine : SlotNormalizer
    {
        private readonly double[] _scale, _offset;

        public Affine(double[] scale, double[] offset)
        {
            _scale = scale;
            _offset = offset;
        }

        public override double Apply(int slot, double value) => (value - _offset[slot]) * _scale[slot];

        public override void Save(BinaryWriter writer)
        {
            writer.Write((byte)Kind.Affine);
            WriteDoubles(writer, _scale);
            WriteDoubles(writer, _offset);
        }
    }

    private sealed class Cdf : SlotNormalizer
    {
        private readonly double[] _mean, _stdDev;

        public Cdf(double[] mean, double[] stdDev)
        {
            _mean = mean;
            _stdDev = stdDev;
        }

        /// <summary>0.5·(1 + erf((x - mean) / (stddev·√2))); a constant slot maps to 0, NaN stays NaN.</summary>
        public override double Apply(int slot, double value)
        {
            if (double.IsNaN(value))
                return value;
            if (_stdDev[slot] == 0)
                return 0;
            return 0.5 * (1 + Erf((value - _mean[slot]) / (_stdDev[slot] * Math.Sqrt(2))));
        }

        /// <summary>The error function by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
        private static double Erf(double x)
        {
            double t = 1 / (1 + 0.3275911 * Math.Abs(x));
            double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
            double result = 1 - poly * Math.Exp(-x * x);
            return x >= 0 ? result : -result;
        }

        public override void Save(BinaryWriter writer)
        {
            writer.Write((byte)Kind.Cdf);
            WriteDoubles(writer, _mean);
            WriteDoubles(writer, _stdDev);
        }
    }
}
