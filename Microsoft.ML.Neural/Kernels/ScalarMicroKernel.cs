using System.Runtime.CompilerServices;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>Portable micro-kernel for machines without useful SIMD: a 4×4 tile of scalar
/// fused multiply-adds (MathF.FusedMultiplyAdd, emulated slowly where the CPU lacks FMA):
/// the same operations in the same order as the vector kernels, hence the same bits.</summary>
internal readonly unsafe struct ScalarMicroKernel : IGemmMicroKernel
{
    private const int Rows = 4, Cols = 4;

    public static int MR => Rows;
    public static int NR => Cols;

    public static void RunEdge(int kc, float* a, float* b, nint bStride, float* tile, int rows, int cols) => Run(kc, a, b, bStride, tile, Cols, 0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, float* a, float* b, nint bStride, float* c, int ldc, float beta)
    {
        float* acc = stackalloc float[Rows * Cols];
        new Span<float>(acc, Rows * Cols).Clear();
        for (int p = 0; p < kc; p++, a += Rows, b += bStride)
            for (int i = 0; i < Rows; i++)
                for (int j = 0; j < Cols; j++)
                    acc[i * Cols + j] = MathF.FusedMultiplyAdd(a[i], b[j], acc[i * Cols + j]);
        GemmTile.Combine(acc, Cols, c, ldc, Rows, Cols, beta);
    }
}
