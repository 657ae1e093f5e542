namespace Microsoft.ML.Neural.Kernels;

/// <summary>One validated SGEMM call with its operands pinned: what the managed driver, its
/// worker threads and the native path need to know.</summary>
internal unsafe struct GemmArgs
{
    public bool TransA, TransB;
    public int M, N, K;
    public float* A, B, C;
    public int Lda, Ldb, Ldc;
    public float Beta;

    /// <summary>Address of op(A)[i, p].</summary>
    public readonly float* AAt(int i, int p) => TransA ? A + (nint)p * Lda + i : A + (nint)i * Lda + p;

    /// <summary>Address of op(B)[p, j].</summary>
    public readonly float* BAt(int p, int j) => TransB ? B + (nint)j * Ldb + p : B + (nint)p * Ldb + j;

    /// <summary>Floating-point operations of the product (2·m·n·k).</summary>
    public readonly double Flops => 2.0 * M * N * K;
}
