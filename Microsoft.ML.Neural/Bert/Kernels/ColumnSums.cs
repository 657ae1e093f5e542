namespace Microsoft.ML.Neural.Bert;

/// <summary>Per-column sums over the rows of a row-major [rows, cols] matrix (bias and layer-norm
/// gradients). Cores take disjoint blocks of columns, so no partial sums need merging.</summary>
internal static unsafe class ColumnSums
{
    // Narrowest column block worth a core: one 512-bit vector.
    private const int MinBlock = 16;

    /// <summary>sums[c] += Σ_r a[r, c].</summary>
    public static void Add(ReadOnlySpan<float> a, int rows, int cols, Span<float> sums) => Run(a, default, rows, cols, sums);

    /// <summary>sums[c] += Σ_r a[r, c]·b[r, c].</summary>
    public static void AddProducts(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int rows, int cols, Span<float> sums) => Run(a, b, rows, cols, sums);

    private static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int rows, int cols, Span<float> sums)
    {
        fixed (float* pa = a, pb = b, ps = sums)
        {
            var (ap, bp, sp) = ((nint)pa, (nint)pb, (nint)ps);
            bool products = !b.IsEmpty;
            int blocks = Math.Max(1, cols / MinBlock);
            RowParallel.For(blocks, 2L * rows * MinBlock, (first, last) =>
            {
                int c0 = (int)((long)cols * first / blocks), c1 = (int)((long)cols * last / blocks);
                var s = new Span<float>((float*)sp + c0, c1 - c0);
                for (int r = 0; r < rows; r++)
                {
                    var row = new ReadOnlySpan<float>((float*)ap + (long)r * cols + c0, c1 - c0);
                    if (products) TensorPrimitives.FusedMultiplyAdd(row, new ReadOnlySpan<float>((float*)bp + (long)r * cols + c0, c1 - c0), s, s);
                    else TensorPrimitives.Add(s, row, s);
                }
            });
        }
    }
}
