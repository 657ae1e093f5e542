using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>Copies a kc×count block of an operand into micro-panels of <c>width</c> elements:
/// panel after panel, each kc steps of <c>width</c> consecutive values, the last panel
/// zero-padded. Element (p, x) of the block is <c>src[p·strideP + x·strideX]</c>, which covers
/// all four transpose cases: A panels run over rows of op(A), B panels over columns of op(B).</summary>
/// <remarks>For small m the packing of B is a large share of the work (its cost is n·k against
/// m·n·k for the product), so both copy directions are vectorised.</remarks>
internal static unsafe class GemmPacking
{
    /// <summary>Packs rows [0, rows) × k-steps [0, kc) of op(A), where <paramref name="a"/>
    /// points at the block's first element.</summary>
    public static void PackA(bool transA, float* a, int lda, int rows, int kc, int mr, float* dst)
    {
        if (transA) PackContiguous(a, lda, kc, rows, mr, dst);
        else PackStrided(a, lda, kc, rows, mr, dst);
    }

    /// <summary>Packs k-steps [0, kc) × columns [0, cols) of op(B).</summary>
    public static void PackB(bool transB, float* b, int ldb, int kc, int cols, int nr, float* dst)
    {
        if (transB) PackStrided(b, ldb, kc, cols, nr, dst);
        else PackContiguous(b, ldb, kc, cols, nr, dst);
    }

    /// <summary>strideX = 1: the block's values for one k step are adjacent. Walks the source
    /// row by row (sequential reads, one page at a time) and deals each row out to the panels.</summary>
    private static void PackContiguous(float* src, nint strideP, int kc, int count, int width, float* dst)
    {
        nint panelStride = (nint)kc * width;
        int full = count / width * width, tail = count - full;
        for (int p = 0; p < kc; p++, src += strideP)
        {
            float* d = dst + (nint)p * width;
            for (int x0 = 0; x0 < full; x0 += width, d += panelStride)
                Copy(src + x0, d, width);
            if (tail > 0)
            {
                Copy(src + full, d, tail);
                new Span<float>(d + tail, width - tail).Clear();
            }
        }
    }

    /// <summary>strideP = 1: the values for one x are adjacent along k, so packing is a
    /// transpose. 8×8 blocks go through AVX registers and 4×4 blocks through SSE registers
    /// (loads, shuffles, stores instead of one scalar move per element); ragged edges and
    /// non-x86 machines take the scalar loop.</summary>
    private static void PackStrided(float* src, nint strideX, int kc, int count, int width, float* dst)
    {
        for (int x0 = 0; x0 < count; x0 += width, dst += (nint)kc * width)
        {
            int w = Math.Min(width, count - x0);
            float* panel = src + x0 * strideX;
            // A ragged last panel: clear it whole with wide stores first, rather than zeroing each
            // padding column value by value down a stride of `width` (most of the packing time for,
            // say, 100 columns in 32-wide panels).
            if (w < width) new Span<float>(dst, kc * width).Clear();
            int x = 0;
            if (Avx.IsSupported)
                for (; x + 8 <= w; x += 8)
                    TransposeRows(panel + x * strideX, strideX, kc, dst + x, width, 8);
            if (Sse.IsSupported)
                for (; x + 4 <= w; x += 4)
                    TransposeRows(panel + x * strideX, strideX, kc, dst + x, width, 4);
            for (; x < w; x++)
            {
                float* s = panel + x * strideX;
                float* d = dst + x;
                for (int p = 0; p < kc; p++, d += width) *d = s[p];
            }
        }
    }

    /// <summary>Transposes <paramref name="rows"/> (4 or 8) source rows of kc values into
    /// columns of the panel: whole blocks in registers, the last kc mod block steps scalar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposeRows(float* s, nint stride, int kc, float* d, int width, int rows)
    {
        int p = 0;
        if (rows == 8)
            for (; p + 8 <= kc; p += 8, s += 8, d += 8 * width) Transpose8x8(s, stride, d, width);
        else
            for (; p + 4 <= kc; p += 4, s += 4, d += 4 * width) Transpose4x4(s, stride, d, width);
        for (; p < kc; p++, s++, d += width)
            for (int r = 0; r < rows; r++) d[r] = s[r * stride];
    }

    /// <summary>Four rows of four values (stride apart) become four dst rows, dstStride apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(float* s, nint stride, float* d, int dstStride)
    {
        var r0 = Sse.LoadVector128(s);
        var r1 = Sse.LoadVector128(s + stride);
        var r2 = Sse.LoadVector128(s + 2 * stride);
        var r3 = Sse.LoadVector128(s + 3 * stride);
        var lo01 = Sse.UnpackLow(r0, r1);   // r0[0] r1[0] r0[1] r1[1]
        var lo23 = Sse.UnpackLow(r2, r3);
        var hi01 = Sse.UnpackHigh(r0, r1);  // r0[2] r1[2] r0[3] r1[3]
        var hi23 = Sse.UnpackHigh(r2, r3);
        Sse.Store(d, Sse.MoveLowToHigh(lo01, lo23));
        Sse.Store(d + dstStride, Sse.MoveHighToLow(lo23, lo01));
        Sse.Store(d + 2 * dstStride, Sse.MoveLowToHigh(hi01, hi23));
        Sse.Store(d + 3 * dstStride, Sse.MoveHighToLow(hi23, hi01));
    }

    /// <summary>Eight rows of eight values become eight dst rows: interleave pairs of rows,
    /// then pairs of pairs within 128-bit lanes, then swap lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* s, nint stride, float* d, int dstStride)
    {
        var t0 = Avx.UnpackLow(Avx.LoadVector256(s), Avx.LoadVector256(s + stride));             // r0[0] r1[0] r0[1] r1[1] | r0[4] r1[4] r0[5] r1[5]
        var t1 = Avx.UnpackHigh(Avx.LoadVector256(s), Avx.LoadVector256(s + stride));            // r0[2] r1[2] r0[3] r1[3] | …[6], …[7]
        var t2 = Avx.UnpackLow(Avx.LoadVector256(s + 2 * stride), Avx.LoadVector256(s + 3 * stride));
        var t3 = Avx.UnpackHigh(Avx.LoadVector256(s + 2 * stride), Avx.LoadVector256(s + 3 * stride));
        var t4 = Avx.UnpackLow(Avx.LoadVector256(s + 4 * stride), Avx.LoadVector256(s + 5 * stride));
        var t5 = Avx.UnpackHigh(Avx.LoadVector256(s + 4 * stride), Avx.LoadVector256(s + 5 * stride));
        var t6 = Avx.UnpackLow(Avx.LoadVector256(s + 6 * stride), Avx.LoadVector256(s + 7 * stride));
        var t7 = Avx.UnpackHigh(Avx.LoadVector256(s + 6 * stride), Avx.LoadVector256(s + 7 * stride));
        var u0 = Avx.Shuffle(t0, t2, 0x44);   // column 0 of rows 0-3 | column 4
        var u1 = Avx.Shuffle(t0, t2, 0xEE);   // column 1 | column 5
        var u2 = Avx.Shuffle(t1, t3, 0x44);   // column 2 | column 6
        var u3 = Avx.Shuffle(t1, t3, 0xEE);   // column 3 | column 7
        var u4 = Avx.Shuffle(t4, t6, 0x44);   // the same for rows 4-7
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(d + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(d + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(d + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(d + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(d + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(d + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(d + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>Copies <paramref name="count"/> floats with the widest accelerated vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(float* s, float* d, int count)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= count; i += 16) Vector512.Store(Vector512.Load(s + i), d + i);
        if (Vector256.IsHardwareAccelerated)
            for (; i + 8 <= count; i += 8) Vector256.Store(Vector256.Load(s + i), d + i);
        for (; i + 4 <= count; i += 4) Vector128.Store(Vector128.Load(s + i), d + i);
        for (; i < count; i++) d[i] = s[i];
    }
}
