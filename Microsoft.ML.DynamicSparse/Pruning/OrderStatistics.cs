namespace Microsoft.ML.DynamicSparse;

/// <summary>The k-th smallest value of a selection (torch.kthvalue semantics: 1-based, ties counted individually).</summary>
internal static class OrderStatistics
{
    /// <summary>The <paramref name="k"/>-th smallest (1-based) of the <paramref name="values"/> whose
    /// <paramref name="selected"/> flag is set.</summary>
    public static T KthSmallest<T>(ReadOnlySpan<T> values, ReadOnlySpan<bool> selected, int k) where T : IComparable<T>
    {
        var chosen = new List<T>();
        for (int i = 0; i < values.Length; i++)
            if (selected[i]) chosen.Add(values[i]);
        if (k < 1 || k > chosen.Count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in 1..{chosen.Count}.");
        chosen.Sort();
        return chosen[k - 1];
    }
}
