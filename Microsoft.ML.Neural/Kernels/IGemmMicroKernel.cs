namespace Microsoft.ML.Neural.Kernels;

/// <summary>A register-blocked SGEMM micro-kernel: computes one MR×NR tile of C from a packed
/// A micro-panel (kc steps of MR values) and a B micro-panel of kc steps of NR consecutive values,
/// <c>bStride</c> floats apart: NR when packed, or B's own row stride when a row-major op(B) is
/// read in place.
/// Implemented by structs so that the generic driver is specialised and the call inlined.</summary>
/// <remarks>Every kernel accumulates each C element as a chain of fused multiply-adds in
/// increasing k order starting from zero, then writes <c>acc</c> (beta = 0) or
/// <c>fma(beta, C, acc)</c>. All kernels therefore produce bit-identical results.</remarks>
internal unsafe interface IGemmMicroKernel
{
    /// <summary>Rows of the C tile.</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C tile.</summary>
    static abstract int NR { get; }

    /// <summary>C[0..MR, 0..NR] (row stride ldc) = A panel · B panel, combined with beta as above.</summary>
    static abstract void Run(int kc, float* a, float* b, nint bStride, float* c, int ldc, float beta);

    /// <summary>An edge tile into <paramref name="tile"/> (row stride NR, beta = 0): only
    /// rows below <paramref name="rows"/> and columns below <paramref name="cols"/> need be
    /// right, so a kernel may skip the rest. It may still read all NR columns of the B panel,
    /// so the caller must make them readable (padded when packed, whole panels when in place).</summary>
    static abstract void RunEdge(int kc, float* a, float* b, nint bStride, float* tile, int rows, int cols);
}
