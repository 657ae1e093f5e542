namespace Microsoft.ML.Neural.Kernels;

/// <summary>Selection of the k largest entries of a row in O(n): quickselect finds the k-th
/// largest value, then entries above it win, and ties at it win in index order (deterministic).</summary>
internal static class TopK
{
    /// <summary>Writes the winners' indices, in index order, into <paramref name="winners"/> (length k).</summary>
    public static void Select(ReadOnlySpan<float> row, int k, Span<float> scratch, Span<int> winners)
    {
        if (k == 0) return;
        row.CopyTo(scratch);
        float threshold = KthLargest(scratch, k);
        int above = 0;
        foreach (float v in row) if (v > threshold) above++;
        int tiesAllowed = k - above, w = 0;
        for (int i = 0; i < row.Length && w < k; i++)
        {
            if (row[i] > threshold) winners[w++] = i;
            else if (row[i] == threshold && tiesAllowed > 0) { winners[w++] = i; tiesAllowed--; }
        }
    }

    /// <summary>The k-th largest value (1-based) of <paramref name="values"/>, which is reordered.</summary>
    private static float KthLargest(Span<float> values, int k)
    {
        int lo = 0, hi = values.Length - 1, target = k - 1;
        while (lo < hi)
        {
            float pivot = values[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] > pivot) i++;
                while (values[j] < pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return values[target];
        }
        return values[target];
    }
}
