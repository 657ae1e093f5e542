namespace Microsoft.ML.Neural.Bert;

/// <summary>Splits row-wise work into one contiguous block per core when there is enough of it to
/// repay the hand-off; small batches run inline. Blocks are fixed by the row count alone, so
/// results do not depend on scheduling.</summary>
internal static class RowParallel
{
    // Below this many scalar operations a thread hand-off costs more than it saves.
    private const long MinParallelWork = 1 << 15;

    public static void For(int rows, long workPerRow, Action<int, int> body)
    {
        int parts = (int)Math.Min(Environment.ProcessorCount, Math.Min(rows, rows * workPerRow / MinParallelWork));
        if (parts <= 1)
        {
            body(0, rows);
            return;
        }
        Parallel.For(0, parts, p => body((int)((long)rows * p / parts), (int)((long)rows * (p + 1) / parts)));
    }
}
