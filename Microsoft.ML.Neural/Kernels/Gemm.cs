namespace Microsoft.ML.Neural.Kernels;

/// <summary>Single-precision matrix multiply for row-major storage:
/// C[m×n] = op(A)[m×k] · op(B)[k×n] + beta · C, where op(X) is X or Xᵀ.
/// With transA, A is stored k×m (leading dimension lda ≥ m); otherwise m×k (lda ≥ k).
/// With transB, B is stored n×k (ldb ≥ k); otherwise k×n (ldb ≥ n).</summary>
public static class Gemm
{
    public static void Sgemm(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, float beta = 0f)
    {
        // Reference implementation; the packed SIMD kernel replaces this body.
        for (int i = 0; i < m; i++)
        {
            var crow = c.Slice(i * ldc, n);
            if (beta == 0f) crow.Clear(); else if (beta != 1f) for (int j = 0; j < n; j++) crow[j] *= beta;
            for (int p = 0; p < k; p++)
            {
                float av = transA ? a[p * lda + i] : a[i * lda + p];
                if (av == 0f) continue;
                if (!transB)
                {
                    var brow = b.Slice(p * ldb, n);
                    for (int j = 0; j < n; j++) crow[j] += av * brow[j];
                }
                else
                {
                    for (int j = 0; j < n; j++) crow[j] += av * b[j * ldb + p];
                }
            }
        }
    }
}
