namespace Microsoft.ML.Neural.Kernels;

/// <summary>Matrix products on strided views through <see cref="Gemm.Sgemm"/>: a row-major view
/// goes in as is, a transposed view (unit stride down its columns) goes in with the transpose
/// flag, and only other layouts are copied.</summary>
internal static class MatMulKernel
{
    /// <summary>How the last two dimensions of <paramref name="t"/> sit in storage, if Sgemm can read them directly.</summary>
    public static bool TryLayout(Tensor t, out bool transposed, out int ld)
    {
        int r = t.Rank;
        int rows = t.Dims[r - 2], cols = t.Dims[r - 1];
        if (t.IsContiguous)
        {
            // Row-major without touching Strides, which a fresh tensor would allocate.
            transposed = false;
            ld = Math.Max(cols, 1);
            return true;
        }
        int s0 = t.Strides[r - 2], s1 = t.Strides[r - 1];
        if ((s1 == 1 || cols == 1) && (rows == 1 || s0 >= Math.Max(cols, 1)))
        {
            transposed = false;
            ld = rows == 1 ? Math.Max(cols, 1) : s0;
            return true;
        }
        if ((s0 == 1 || rows == 1) && (cols == 1 || s1 >= Math.Max(rows, 1)))
        {
            transposed = true;
            ld = cols == 1 ? Math.Max(rows, 1) : s1;
            return true;
        }
        transposed = false;
        ld = 0;
        return false;
    }

    /// <summary>c[m×n] (row-major, leading dimension ldc) = op(a)[m×k] · op(b)[k×n] + beta·c for 2-D views a and b,
    /// where op(x) is x, or its transpose when <paramref name="transposeA"/> / <paramref name="transposeB"/> is set
    /// (read through Sgemm's transpose flag, so no transposed view is built).</summary>
    public static void Multiply(Tensor a, Tensor b, Span<float> c, int ldc, float beta = 0f, bool transposeA = false, bool transposeB = false)
    {
        if (!TryLayout(a, out _, out _)) a = a.ContiguousData();
        if (!TryLayout(b, out _, out _)) b = b.ContiguousData();
        TryLayout(a, out bool ta, out int lda);
        TryLayout(b, out bool tb, out int ldb);
        int m = a.Dims[transposeA ? 1 : 0], k = a.Dims[transposeA ? 0 : 1], n = b.Dims[transposeB ? 0 : 1];
        Gemm.Sgemm(ta != transposeA, tb != transposeB, m, n, k, a.Storage.AsSpan(a.Offset), lda, b.Storage.AsSpan(b.Offset), ldb, c, ldc, beta);
    }

    /// <summary>Batched product into the contiguous <paramref name="c"/> of shape [batch…, m, n];
    /// batch dimensions of a and b broadcast (stride 0).</summary>
    public static void MultiplyBatched(Tensor a, Tensor b, Tensor c)
    {
        if (!TryLayout(a, out _, out _)) a = a.ContiguousData();
        if (!TryLayout(b, out _, out _)) b = b.ContiguousData();
        TryLayout(a, out bool ta, out int lda);
        TryLayout(b, out bool tb, out int ldb);
        int m = a.Dims[^2], k = a.Dims[^1], n = b.Dims[^1];
        int batchRank = c.Rank - 2;
        var batchDims = c.Dims[..batchRank];
        Span<int> sa = stackalloc int[batchRank];
        Span<int> sb = stackalloc int[batchRank];
        BatchStrides(a, batchDims, sa);
        BatchStrides(b, batchDims, sb);
        int batches = Shapes.Count(batchDims);
        Span<int> index = stackalloc int[batchRank];
        int offA = a.Offset, offB = b.Offset;
        var dst = c.AsSpan();
        float[] storeA = a.Storage, storeB = b.Storage;
        for (int i = 0; i < batches; i++)
        {
            Gemm.Sgemm(ta, tb, m, n, k, storeA.AsSpan(offA), lda, storeB.AsSpan(offB), ldb, dst.Slice(i * m * n, m * n), n);
            Strided.Advance(index, batchDims, sa, ref offA, sb, ref offB, batchRank);
        }
    }

    private static void BatchStrides(Tensor t, int[] batchDims, Span<int> strides)
    {
        int own = t.Rank - 2, lead = batchDims.Length - own;
        for (int i = 0; i < batchDims.Length; i++)
        {
            int d = i - lead;
            strides[i] = d < 0 || t.Dims[d] == 1 ? 0 : t.Strides[d];
        }
    }
}
