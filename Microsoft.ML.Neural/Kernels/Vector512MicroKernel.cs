using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>AVX-512 micro-kernel: an 8×32 tile held in 16 zmm accumulators (two per row).
/// Per k step it issues 16 FMAs against 2 vector loads and 8 broadcasts, so the FMA pipes,
/// not the loads, bound it (measured within 2% of a register-only FMA loop). 8 rows rather
/// than 12 or 14 because it wastes less on the batch sizes networks use (32, 64, 100, 128)
/// and measured as fast in place. Edge tiles of at most 8 or 16 columns or 2 or 4 rows run narrower loops.</summary>
internal readonly unsafe struct Vector512MicroKernel : IGemmMicroKernel
{
    public static int MR => 8;
    public static int NR => 32;

    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bStride, float* c, int ldc, float beta)
    {
        PrefetchTile(c, ldc);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> av;
            av = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(av, b0, c00); c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(av, b0, c10); c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(av, b0, c20); c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(av, b0, c30); c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(a[4]); c40 = Vector512.FusedMultiplyAdd(av, b0, c40); c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(a[5]); c50 = Vector512.FusedMultiplyAdd(av, b0, c50); c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(a[6]); c60 = Vector512.FusedMultiplyAdd(av, b0, c60); c61 = Vector512.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(a[7]); c70 = Vector512.FusedMultiplyAdd(av, b0, c70); c71 = Vector512.FusedMultiplyAdd(av, b1, c71);
            a += 8;
            b += bStride;
        }
        Store(c, c00, c01, beta); c += ldc;
        Store(c, c10, c11, beta); c += ldc;
        Store(c, c20, c21, beta); c += ldc;
        Store(c, c30, c31, beta); c += ldc;
        Store(c, c40, c41, beta); c += ldc;
        Store(c, c50, c51, beta); c += ldc;
        Store(c, c60, c61, beta); c += ldc;
        Store(c, c70, c71, beta);
    }

    /// <summary>A partial tile: the loop that computes the fewest padding lanes for its shape.</summary>
    public static void RunEdge(int kc, float* a, float* b, nint bStride, float* tile, int rows, int cols)
    {
        if (rows <= 2) FewRows(kc, a, b, bStride, tile, rows, cols);
        else if (cols <= 8) Narrow(kc, a, b, bStride, tile);
        else if (cols <= 16) HalfWidth(kc, a, b, bStride, tile);
        else if (rows <= 4) FourRows(kc, a, b, bStride, tile);
        else Run(kc, a, b, bStride, tile, 32, 0f);
    }

    /// <summary>An edge tile of three or four rows and full width (100 rows leave 4 in their last MR band):
    /// half the FMAs of <see cref="Run"/>, which would also compute the four padding rows. The row band
    /// holding it is the critical path of a two-thread 100-row product.</summary>
    private static void FourRows(int kc, float* a, float* b, nint bStride, float* tile)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++, a += 8, b += bStride)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> av;
            av = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(av, b0, c00); c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(av, b0, c10); c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(av, b0, c20); c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(av, b0, c30); c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
        }
        c00.Store(tile); c01.Store(tile + 16); c10.Store(tile + 32); c11.Store(tile + 48);
        c20.Store(tile + 64); c21.Store(tile + 80); c30.Store(tile + 96); c31.Store(tile + 112);
    }

    /// <summary>An edge tile of at most 16 columns: one accumulator per row.</summary>
    private static void HalfWidth(int kc, float* a, float* b, nint bStride, float* tile)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        for (int p = 0; p < kc; p++, a += 8, b += bStride)
        {
            var b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a[0]), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a[1]), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a[2]), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a[3]), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a[4]), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a[5]), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a[6]), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a[7]), b0, c7);
        }
        c0.Store(tile); c1.Store(tile + 32); c2.Store(tile + 64); c3.Store(tile + 96);
        c4.Store(tile + 128); c5.Store(tile + 160); c6.Store(tile + 192); c7.Store(tile + 224);
    }

    /// <summary>An edge tile of at most 8 columns (100 outputs leave 4): 256-bit FMAs, which issue two per
    /// cycle where a 512-bit one takes the whole FMA width, so the edge costs half the cycles of
    /// <see cref="HalfWidth"/>.</summary>
    private static void Narrow(int kc, float* a, float* b, nint bStride, float* tile)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector256<float> c4 = default, c5 = default, c6 = default, c7 = default;
        for (int p = 0; p < kc; p++, a += 8, b += bStride)
        {
            var b0 = Vector256.Load(b);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a[0]), b0, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a[1]), b0, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a[2]), b0, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a[3]), b0, c3);
            c4 = Vector256.FusedMultiplyAdd(Vector256.Create(a[4]), b0, c4);
            c5 = Vector256.FusedMultiplyAdd(Vector256.Create(a[5]), b0, c5);
            c6 = Vector256.FusedMultiplyAdd(Vector256.Create(a[6]), b0, c6);
            c7 = Vector256.FusedMultiplyAdd(Vector256.Create(a[7]), b0, c7);
        }
        c0.Store(tile); c1.Store(tile + 32); c2.Store(tile + 64); c3.Store(tile + 96);
        c4.Store(tile + 128); c5.Store(tile + 160); c6.Store(tile + 192); c7.Store(tile + 224);
    }

    /// <summary>An edge tile of one or two rows (m = 1 or 2, e.g. single-row inference): the
    /// full kernel would spend 8 rows of FMAs on it, so run the valid rows' chains alone.</summary>
    private static void FewRows(int kc, float* a, float* b, nint bStride, float* tile, int rows, int cols)
    {
        for (int r = 0; r < rows; r++, tile += 32)
        {
            Vector512<float> lo = default, hi = default;
            float* ar = a + r, bp = b;
            if (cols > 16)
                for (int p = 0; p < kc; p++, ar += 8, bp += bStride)
                {
                    var av = Vector512.Create(*ar);
                    lo = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp), lo);
                    hi = Vector512.FusedMultiplyAdd(av, Vector512.Load(bp + 16), hi);
                }
            else
                for (int p = 0; p < kc; p++, ar += 8, bp += bStride)
                    lo = Vector512.FusedMultiplyAdd(Vector512.Create(*ar), Vector512.Load(bp), lo);
            lo.Store(tile);
            hi.Store(tile + 16);
        }
    }

    /// <summary>Starts fetching the C tile into L2 while the k loop runs, so that the final
    /// read-modify-write of C does not stall on 16 cache misses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(float* c, int ldc)
    {
        if (!Sse.IsSupported) return;
        for (int i = 0; i < 8; i++, c += ldc)
        {
            Sse.Prefetch1(c);
            Sse.Prefetch1(c + 16);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> lo, Vector512<float> hi, float beta)
    {
        if (beta != 0f)
        {
            var vb = Vector512.Create(beta);
            lo = Vector512.FusedMultiplyAdd(vb, Vector512.Load(c), lo);
            hi = Vector512.FusedMultiplyAdd(vb, Vector512.Load(c + 16), hi);
        }
        lo.Store(c);
        hi.Store(c + 16);
    }
}
