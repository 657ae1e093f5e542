namespace Microsoft.ML.Neural.Kernels;

/// <summary>Single-precision matrix multiply for row-major storage:
/// C[m×n] = op(A)[m×k] · op(B)[k×n] + beta · C, where op(X) is X or Xᵀ.
/// With transA, A is stored k×m (leading dimension lda ≥ m); otherwise m×k (lda ≥ k).
/// With transB, B is stored n×k (ldb ≥ k); otherwise k×n (ldb ≥ n).</summary>
/// <remarks>Runs on the managed packed SIMD kernel (AVX-512, else 256-bit, else scalar,
/// multi-threaded for large products) or, where the machine has it, on OpenBLAS; see
/// <see cref="GemmDispatch"/> for the choice and the <c>MLNET_SGEMM</c> override.
/// With beta = 0, C is not read (NaNs already in it do not propagate).</remarks>
public static class Gemm
{
    public static void Sgemm(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, float beta = 0f)
        => Sgemm(GemmPath.Auto, int.MaxValue, transA, transB, m, n, k, a, lda, b, ldb, c, ldc, beta);

    /// <summary>The implementation the next call of this shape would use, for logs and benchmarks
    /// ("openblas", "managed-vector512", "managed-vector256" or "managed-scalar").</summary>
    public static string DescribePath(int m, int n, int k) => GemmDispatch.Choose(GemmPath.Auto, m, n, k) switch
    {
        GemmPath.OpenBlas => "openblas",
        GemmPath.Vector512 => "managed-vector512",
        GemmPath.Vector256 => "managed-vector256",
        _ => "managed-scalar",
    };

    /// <summary>Sgemm on a forced path and thread cap (tests, benchmarks).</summary>
    internal static unsafe void Sgemm(GemmPath path, int maxThreads, bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, float beta = 0f)
    {
        Validate(transA, transB, m, n, k, a, lda, b, ldb, c, ldc);
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var g = new GemmArgs
            {
                TransA = transA, TransB = transB, M = m, N = n, K = k,
                A = pa, Lda = lda, B = pb, Ldb = ldb, C = pc, Ldc = ldc, Beta = beta,
            };
            switch (GemmDispatch.Choose(path, m, n, k))
            {
                case GemmPath.OpenBlas:
                    // Auto picks OpenBLAS only for small products, which run on one thread.
                    if (m > 0 && n > 0) OpenBlas.Sgemm(g, path == GemmPath.Auto && GemmDispatch.IsSmall(m, n, k) ? 1 : maxThreads);
                    break;
                case GemmPath.Vector512: ManagedGemm.Run(ref g, GemmKernelKind.Vector512, maxThreads); break;
                case GemmPath.Vector256: ManagedGemm.Run(ref g, GemmKernelKind.Vector256, maxThreads); break;
                default: ManagedGemm.Run(ref g, GemmKernelKind.Scalar, maxThreads); break;
            }
        }
    }

    private static void Validate(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), m, "Must be non-negative.");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "Must be non-negative.");
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, "Must be non-negative.");
        CheckOperand("A", nameof(lda), transA ? k : m, transA ? m : k, a.Length, lda);
        CheckOperand("B", nameof(ldb), transB ? n : k, transB ? k : n, b.Length, ldb);
        CheckOperand("C", nameof(ldc), m, n, c.Length, ldc);
        if (c.Overlaps(a)) throw new ArgumentException("C must not overlap A.", nameof(c));
        if (c.Overlaps(b)) throw new ArgumentException("C must not overlap B.", nameof(c));
    }

    /// <summary>Checks a rows×cols row-major operand with leading dimension ld against its span.</summary>
    private static void CheckOperand(string name, string ldName, int rows, int cols, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(ldName, ld, $"{name} is stored {rows}×{cols}, so {ldName} must be at least {Math.Max(1, cols)}.");
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < needed)
            throw new ArgumentException($"{name} is stored {rows}×{cols} with {ldName} = {ld}, which needs {needed} elements, but the span has {length}.", name.ToLowerInvariant());
    }
}
