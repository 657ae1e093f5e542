namespace Microsoft.ML.Neural;

/// <summary>Counter-based random numbers: draw number i of a generator is a pure function of
/// (seed, i) — the SplitMix64 finaliser applied to seed + i·γ — so results never depend on the
/// order or thread in which draws are made. Each fill consumes a block of counters.</summary>
public sealed class Generator
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private readonly ulong _key;

    public Generator(ulong seed)
    {
        Seed = seed;
        _key = Mix(seed);
    }

    public ulong Seed { get; }

    /// <summary>Number of draws consumed so far; saving and restoring it resumes the stream.</summary>
    public ulong Position { get; set; }

    /// <summary>Process-wide default stream (seed 0) for callers that pass no generator.</summary>
    public static Generator Default { get; } = new(0);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Draw number <paramref name="counter"/> of this stream (does not advance it).</summary>
    public ulong Bits(ulong counter) => Mix(_key + (counter + 1) * Gamma);

    private ulong Take(int n)
    {
        ulong start = Position;
        Position += (ulong)n;
        return start;
    }

    private static float UnitFloat(ulong bits) => (bits >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => UnitFloat(Bits(Take(1)));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>) (Lemire's multiply-shift; bias below 2⁻³²).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "NextInt: the bound must be positive.");
        return (int)(((Bits(Take(1)) >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="values"/> in place.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    public void FillUniform(Span<float> destination, float low, float high)
    {
        ulong start = Take(destination.Length);
        float range = high - low;
        for (int i = 0; i < destination.Length; i++)
            destination[i] = low + range * UnitFloat(Bits(start + (ulong)i));
    }

    /// <summary>Normal values by Box–Muller on the two 32-bit halves of one draw per element.</summary>
    public void FillNormal(Span<float> destination, float mean, float std)
    {
        ulong start = Take(destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong bits = Bits(start + (ulong)i);
            double u1 = ((bits >> 32) + 1.0) / 4294967296.0;       // (0, 1]: log is finite
            double u2 = (bits & 0xFFFFFFFFUL) / 4294967296.0;
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            destination[i] = (float)(mean + std * z);
        }
    }

    public void FillBernoulli(Span<float> destination, float p)
    {
        if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), p, "Bernoulli: probability must be in [0, 1].");
        ulong start = Take(destination.Length);
        for (int i = 0; i < destination.Length; i++)
            destination[i] = UnitFloat(Bits(start + (ulong)i)) < p ? 1f : 0f;
    }
}
