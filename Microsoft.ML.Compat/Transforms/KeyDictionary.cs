namespace Microsoft.ML.Transforms;

/// <summary>
/// The values of a key mapping in key order: key k (1-based) stands for <see cref="Values"/>[k-1]; values not in
/// the dictionary, and missing values, map to key 0.
/// </summary>
internal sealed class KeyDictionary<T> where T : notnull
{
    private readonly Dictionary<T, uint> _keys;

    public KeyDictionary(T[] values)
    {
        Values = values;
        _keys = new Dictionary<T, uint>(values.Length, KeyValueComparers.Equality<T>());
        for (int i = 0; i < values.Length; i++)
        {
            if (!_keys.TryAdd(values[i], (uint)i + 1))
                throw new ArgumentException($"Key value '{values[i]}' appears twice.", nameof(values));
        }
    }

    public T[] Values { get; }

    public uint GetKey(T value) => _keys.TryGetValue(value, out uint key) ? key : 0;

    /// <summary>
    /// Collects up to <paramref name="maxKeys"/> distinct non-missing values in order of first occurrence, then,
    /// for <see cref="ValueToKeyMappingEstimator.KeyOrdinality.ByValue"/>, sorts them (text ordinally by character).
    /// </summary>
    public static KeyDictionary<T> Build(IEnumerable<T> values, Func<T, bool> isMissing, Func<T, T> retain,
        int maxKeys, ValueToKeyMappingEstimator.KeyOrdinality ordinality)
    {
        var seen = new HashSet<T>(KeyValueComparers.Equality<T>());
        var ordered = new List<T>();
        foreach (var value in values)
        {
            if (ordered.Count >= maxKeys)
                break;
            if (isMissing(value) || seen.Contains(value))
                continue;
            var kept = retain(value);
            seen.Add(kept);
            ordered.Add(kept);
        }
        if (ordinality == ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            ordered.Sort(KeyValueComparers.Order<T>());
        return new KeyDictionary<T>(ordered.ToArray());
    }
}

/// <summary>Equality and order of key-mapping values; text compares by content, not by memory identity.</summary>
internal static class KeyValueComparers
{
    public static IEqualityComparer<T> Equality<T>() =>
        typeof(T) == typeof(ReadOnlyMemory<char>) ? (IEqualityComparer<T>)(object)TextComparer.Instance : EqualityComparer<T>.Default;

    public static IComparer<T> Order<T>() =>
        typeof(T) == typeof(ReadOnlyMemory<char>) ? (IComparer<T>)(object)TextComparer.Instance : Comparer<T>.Default;

    private sealed class TextComparer : IEqualityComparer<ReadOnlyMemory<char>>, IComparer<ReadOnlyMemory<char>>
    {
        public static readonly TextComparer Instance = new();

        public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);
        public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(obj.Span);
        public int Compare(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceCompareTo(y.Span);
    }
}
