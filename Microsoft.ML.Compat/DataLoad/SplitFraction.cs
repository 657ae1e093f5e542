namespace Microsoft.ML.Data;

/// <summary>
/// Gives every row a deterministic number in [0, 1) for TrainTestSplit: a hash of the sampling-key value (so
/// equal keys land on the same side) or, without a key, of the row's position; both mixed with the seed.
/// </summary>
internal static class SplitFraction
{
    /// <summary>Types a sampling key may have: numbers, keys, booleans and text.</summary>
    public static bool CanHash(DataViewType type) =>
        type is NumberDataViewType or KeyDataViewType or BooleanDataViewType or TextDataViewType;

    /// <summary>A function giving the fraction of the cursor's current row, from its position.</summary>
    public static Func<double> ByPosition(DataViewRowCursor cursor, int seed)
    {
        ulong salt = Mix((ulong)seed);
        return () => ToFraction(Mix((ulong)cursor.Position ^ salt));
    }

    /// <summary>A function giving the fraction of the cursor's current row, from its value of <paramref name="key"/>.</summary>
    public static Func<double> ByKey(DataViewRowCursor cursor, DataViewSchema.Column key, int seed)
    {
        ulong salt = Mix((ulong)seed);
        Func<ulong> hash = key.Type switch
        {
            TextDataViewType => HashText(cursor.GetGetter<ReadOnlyMemory<char>>(key)),
            BooleanDataViewType => HashBoolean(cursor.GetGetter<bool>(key)),
            _ => HashNumber(NumericGetters.AsDouble(cursor, key)),
        };
        return () => ToFraction(Mix(hash() ^ salt));
    }

    private static Func<ulong> HashText(ValueGetter<ReadOnlyMemory<char>> getter)
    {
        ReadOnlyMemory<char> value = default;
        return () =>
        {
            getter(ref value);
            // FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.
            ulong hash = 14695981039346656037UL;
            foreach (char c in value.Span)
                hash = (hash ^ c) * 1099511628211UL;
            return hash;
        };
    }

    private static Func<ulong> HashBoolean(ValueGetter<bool> getter)
    {
        bool value = false;
        return () =>
        {
            getter(ref value);
            return value ? 1UL : 2UL;
        };
    }

    private static Func<ulong> HashNumber(Func<double> getter) => () =>
    {
        double value = getter();
        // -0.0 and 0.0 are the same key.
        return value == 0 ? 0 : (ulong)BitConverter.DoubleToInt64Bits(value);
    };

    /// <summary>SplitMix64's finaliser: spreads nearby inputs over all 64 bits.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static double ToFraction(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
