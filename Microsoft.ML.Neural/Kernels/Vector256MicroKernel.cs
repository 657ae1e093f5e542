using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>AVX2-class fallback micro-kernel: a 6×16 tile in 12 ymm accumulators (two per row),
/// which with the two B vectors and one broadcast fits the 16 vector registers of AVX2.</summary>
internal readonly unsafe struct Vector256MicroKernel : IGemmMicroKernel
{
    public static int MR => 6;
    public static int NR => 16;

    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bStride, float* c, int ldc, float beta)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> av;
            av = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(av, b0, c00); c01 = Vector256.FusedMultiplyAdd(av, b1, c01);
            av = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(av, b0, c10); c11 = Vector256.FusedMultiplyAdd(av, b1, c11);
            av = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(av, b0, c20); c21 = Vector256.FusedMultiplyAdd(av, b1, c21);
            av = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(av, b0, c30); c31 = Vector256.FusedMultiplyAdd(av, b1, c31);
            av = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(av, b0, c40); c41 = Vector256.FusedMultiplyAdd(av, b1, c41);
            av = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(av, b0, c50); c51 = Vector256.FusedMultiplyAdd(av, b1, c51);
            a += 6;
            b += bStride;
        }
        Store(c, c00, c01, beta); c += ldc;
        Store(c, c10, c11, beta); c += ldc;
        Store(c, c20, c21, beta); c += ldc;
        Store(c, c30, c31, beta); c += ldc;
        Store(c, c40, c41, beta); c += ldc;
        Store(c, c50, c51, beta);
    }

    public static void RunEdge(int kc, float* a, float* b, nint bStride, float* tile, int rows, int cols) => Run(kc, a, b, bStride, tile, 16, 0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector256<float> lo, Vector256<float> hi, float beta)
    {
        if (beta != 0f)
        {
            var vb = Vector256.Create(beta);
            lo = Vector256.FusedMultiplyAdd(vb, Vector256.Load(c), lo);
            hi = Vector256.FusedMultiplyAdd(vb, Vector256.Load(c + 8), hi);
        }
        lo.Store(c);
        hi.Store(c + 8);
    }
}
