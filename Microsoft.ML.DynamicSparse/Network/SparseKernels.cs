using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Kernels over feature-major activations ([features, batch], one contiguous row per unit), where a sparse weight
/// matrix touches whole batch rows: every stored weight is one fused multiply-add per batch element. Batch rows are
/// walked in 8-float vectors; a batch that is not a multiple of 8 ends with one vector overlapping the previous one
/// (recomputed from scratch, or lane-masked in sums) instead of a scalar tail.
/// </summary>
internal static class SparseKernels
{
    private const int Width = 8;

    private static bool Vectorized(int batch) => Vector256.IsHardwareAccelerated && batch >= Width;

    /// <summary>
    /// For each target row r: y[r] = init[r] + Σ over stored k of that row, values[k] · x[sources[k]]
    /// (<paramref name="init"/> empty means 0). Columns go in panels of up to four 8-column vectors; within a panel,
    /// each block of sources is swept over all rows, whose sums stay in registers across the block's weights.
    /// </summary>
    public static void Multiply(BlockedRows structure, ReadOnlySpan<float> values, ReadOnlySpan<float> init,
        ReadOnlySpan<float> x, int batch, Span<float> y) => Multiply(structure, values, init, x, batch, y, 0, structure.Rows);

    /// <summary><see cref="Multiply(BlockedRows, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, int, Span{float})"/>
    /// for target rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) only.</summary>
    public static void Multiply(BlockedRows structure, ReadOnlySpan<float> values, ReadOnlySpan<float> init,
        ReadOnlySpan<float> x, int batch, Span<float> y, int firstRow, int endRow)
    {
        int rows = structure.Rows;
        if (y.Length < rows * batch)
            throw new ArgumentException($"The output holds {y.Length} values; {rows}×{batch} are needed.", nameof(y));
        if ((uint)firstRow > (uint)endRow || endRow > rows)
            throw new ArgumentOutOfRangeException(nameof(endRow), $"Rows [{firstRow}, {endRow}) are not within 0..{rows}.");
        structure.CheckOperands(values.Length, x.Length, batch);
        if (!init.IsEmpty && init.Length < rows)
            throw new ArgumentException($"{init.Length} initial values for {rows} rows.", nameof(init));
        if (!Vectorized(batch))
        {
            var sources = structure.Sources;
            for (int r = firstRow; r < endRow; r++)
                for (int c = 0; c < batch; c++)
                {
                    float acc = init.IsEmpty ? 0 : init[r];
                    for (int k = structure.Start(r, 0); k < structure.Start(r, structure.Blocks); k++)
                        acc += values[k] * x[sources[k] * batch + c];
                    y[r * batch + c] = acc;
                }
            return;
        }
        // Panels as even as possible (13 vectors → 3, 3, 3, 4): a narrow last panel would have too few independent
        // sums to hide the multiply-add latency.
        int vectors = (batch + Width - 1) / Width, panels = (vectors + PanelVectors - 1) / PanelVectors;
        for (int p = 0; p < panels; p++)
        {
            int first = p * vectors / panels, count = (p + 1) * vectors / panels - first;
            var panel = new Panel(first, batch);
            for (int block = 0; block < structure.Blocks; block++)
                switch (count)
                {
                    case 1: MultiplyPanel<One>(structure, block, values, init, x, panel, y, firstRow, endRow); break;
                    case 2: MultiplyPanel<Two>(structure, block, values, init, x, panel, y, firstRow, endRow); break;
                    case 3: MultiplyPanel<Three>(structure, block, values, init, x, panel, y, firstRow, endRow); break;
                    default: MultiplyPanel<Four>(structure, block, values, init, x, panel, y, firstRow, endRow); break;
                }
        }
    }

    /// <summary>Vectors per panel: each stored weight is broadcast once and fused into up to this many column vectors.</summary>
    private const int PanelVectors = 4;

    /// <summary>The first column of each of up to <see cref="PanelVectors"/> consecutive 8-column vectors of a batch
    /// row; a vector past the end is pulled back to end at the batch's last column (overlapping its neighbour).</summary>
    private readonly struct Panel(int firstVector, int batch)
    {
        public readonly int Batch = batch;
        public readonly nuint C0 = Column(firstVector, batch), C1 = Column(firstVector + 1, batch),
            C2 = Column(firstVector + 2, batch), C3 = Column(firstVector + 3, batch);

        private static nuint Column(int vector, int batch) => (nuint)Math.Min(vector * Width, batch - Width);
    }

    /// <summary>How many vectors of a <see cref="Panel"/> a kernel instance computes; as a struct type argument the
    /// count is a JIT-time constant, so unused accumulators vanish from the specialised code.</summary>
    private interface IVectorCount { static abstract int Count { get; } }
    private struct One : IVectorCount { public static int Count => 1; }
    private struct Two : IVectorCount { public static int Count => 2; }
    private struct Three : IVectorCount { public static int Count => 3; }
    private struct Four : IVectorCount { public static int Count => 4; }

    /// <summary>Adds one block of sources to one panel of every target row (the first block starts from
    /// <paramref name="init"/>, later ones from the partial sums in <paramref name="y"/>). Weights go two at a time
    /// into two independent sets of accumulators, hiding the fused multiply-add latency.</summary>
    private static void MultiplyPanel<TCount>(BlockedRows structure, int block, ReadOnlySpan<float> values,
        ReadOnlySpan<float> init, ReadOnlySpan<float> x, Panel panel, Span<float> y, int firstRow, int endRow)
        where TCount : struct, IVectorCount
    {
        int batch = panel.Batch;
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref int s0 = ref MemoryMarshal.GetReference(structure.Sources.AsSpan());
        ref float v0 = ref MemoryMarshal.GetReference(values);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        nuint c0 = panel.C0, c1 = panel.C1, c2 = panel.C2, c3 = panel.C3;
        for (int r = firstRow; r < endRow; r++)
        {
            int k = structure.Start(r, block), end = structure.Start(r, block + 1);
            if (k == end && block > 0)
                continue;
            ref float row = ref Unsafe.Add(ref y0, r * batch);
            Vector256<float> a0, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
            if (block == 0)
            {
                a0 = Vector256.Create(init.IsEmpty ? 0 : init[r]);
                a1 = a2 = a3 = a0;
            }
            else
            {
                a0 = Vector256.LoadUnsafe(ref row, c0);
                if (TCount.Count > 1) a1 = Vector256.LoadUnsafe(ref row, c1);
                if (TCount.Count > 2) a2 = Vector256.LoadUnsafe(ref row, c2);
                if (TCount.Count > 3) a3 = Vector256.LoadUnsafe(ref row, c3);
            }
            for (; k + 2 <= end; k += 2)
            {
                ref float xa = ref Unsafe.Add(ref x0, Unsafe.Add(ref s0, k) * batch);
                ref float xb = ref Unsafe.Add(ref x0, Unsafe.Add(ref s0, k + 1) * batch);
                var va = Vector256.Create(Unsafe.Add(ref v0, k));
                var vb = Vector256.Create(Unsafe.Add(ref v0, k + 1));
                a0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c0), a0);
                b0 = Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref xb, c0), b0);
                if (TCount.Count > 1)
                {
                    a1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c1), a1);
                    b1 = Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref xb, c1), b1);
                }
                if (TCount.Count > 2)
                {
                    a2 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c2), a2);
                    b2 = Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref xb, c2), b2);
                }
                if (TCount.Count > 3)
                {
                    a3 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c3), a3);
                    b3 = Vector256.FusedMultiplyAdd(vb, Vector256.LoadUnsafe(ref xb, c3), b3);
                }
            }
            if (k < end)
            {
                ref float xa = ref Unsafe.Add(ref x0, Unsafe.Add(ref s0, k) * batch);
                var va = Vector256.Create(Unsafe.Add(ref v0, k));
                a0 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c0), a0);
                if (TCount.Count > 1) a1 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c1), a1);
                if (TCount.Count > 2) a2 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c2), a2);
                if (TCount.Count > 3) a3 = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref xa, c3), a3);
            }
            (a0 + b0).StoreUnsafe(ref row, c0);
            if (TCount.Count > 1) (a1 + b1).StoreUnsafe(ref row, c1);
            if (TCount.Count > 2) (a2 + b2).StoreUnsafe(ref row, c2);
            if (TCount.Count > 3) (a3 + b3).StoreUnsafe(ref row, c3);
        }
    }

    /// <summary>Gradient of each stored weight k (row i, source j): the batch dot product of dy[i] and x[j], one block
    /// of sources at a time across all rows.</summary>
    public static void WeightGradients(BlockedRows structure, ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int batch,
        Span<float> gradients) => WeightGradients(structure, dy, x, batch, gradients, 0, structure.Rows);

    /// <summary>The weight gradients of rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) only.</summary>
    public static void WeightGradients(BlockedRows structure, ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int batch,
        Span<float> gradients, int firstRow, int endRow)
    {
        if ((uint)firstRow > (uint)endRow || endRow > structure.Rows)
            throw new ArgumentOutOfRangeException(nameof(endRow), $"Rows [{firstRow}, {endRow}) are not within 0..{structure.Rows}.");
        structure.CheckOperands(gradients.Length, x.Length, batch);
        if (dy.Length < structure.Rows * batch)
            throw new ArgumentException($"The output gradient holds {dy.Length} values; {structure.Rows}×{batch} are needed.", nameof(dy));
        var columns = structure.Sources;
        if (!Vectorized(batch))
        {
            for (int i = firstRow; i < endRow; i++)
                for (int k = structure.Start(i, 0); k < structure.Start(i, structure.Blocks); k++)
                {
                    float sum = 0;
                    for (int b = 0; b < batch; b++) sum += dy[i * batch + b] * x[columns[k] * batch + b];
                    gradients[k] = sum;
                }
            return;
        }
        int full = batch / Width * Width;
        // The last block overlaps the previous one when batch % 8 != 0: keep only its new lanes.
        var tailMask = Vector256.GreaterThanOrEqual(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(Width - (batch - full))).AsSingle();
        for (int block = 0; block < structure.Blocks; block++)
            for (int i = firstRow; i < endRow; i++)
            {
                var dyRow = dy.Slice(i * batch, batch);
                var dyTail = full == batch ? Vector256<float>.Zero : Vector256.Create(dyRow[^Width..]) & tailMask;
                DotProducts(dyRow, dyTail, x, columns, structure.Start(i, block), structure.Start(i, block + 1), gradients);
            }
    }

    /// <summary>gradients[k] = dy · x[columns[k]] for k in [k, end), each over the batch (the length of
    /// <paramref name="dy"/>); <paramref name="dyTail"/> is dy's last 8 values with the lanes already covered masked
    /// to zero.</summary>
    private static void DotProducts(ReadOnlySpan<float> dy, Vector256<float> dyTail, ReadOnlySpan<float> x, int[] columns,
        int k, int end, Span<float> gradients)
    {
        int batch = dy.Length, full = batch / Width * Width;
        ref float d0 = ref MemoryMarshal.GetReference(dy);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        nuint last = (nuint)(batch - Width);
        // Four weights at a time share the dy loads; even and odd vectors go to separate sums, so eight independent
        // chains hide the multiply-add latency.
        for (; k + 4 <= end; k += 4)
        {
            ref float xa = ref Unsafe.Add(ref x0, columns[k] * batch);
            ref float xb = ref Unsafe.Add(ref x0, columns[k + 1] * batch);
            ref float xc = ref Unsafe.Add(ref x0, columns[k + 2] * batch);
            ref float xd = ref Unsafe.Add(ref x0, columns[k + 3] * batch);
            Vector256<float> a = default, b = default, c = default, d = default, a2 = default, b2 = default, c2 = default, d2 = default;
            int at = 0;
            for (; at + 2 * Width <= full; at += 2 * Width)
            {
                nuint even = (nuint)at, odd = (nuint)(at + Width);
                var g = Vector256.LoadUnsafe(ref d0, even);
                var h = Vector256.LoadUnsafe(ref d0, odd);
                a = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xa, even), a);
                b = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xb, even), b);
                c = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xc, even), c);
                d = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xd, even), d);
                a2 = Vector256.FusedMultiplyAdd(h, Vector256.LoadUnsafe(ref xa, odd), a2);
                b2 = Vector256.FusedMultiplyAdd(h, Vector256.LoadUnsafe(ref xb, odd), b2);
                c2 = Vector256.FusedMultiplyAdd(h, Vector256.LoadUnsafe(ref xc, odd), c2);
                d2 = Vector256.FusedMultiplyAdd(h, Vector256.LoadUnsafe(ref xd, odd), d2);
            }
            if (at < full)
            {
                var g = Vector256.LoadUnsafe(ref d0, (nuint)at);
                a = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xa, (nuint)at), a);
                b = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xb, (nuint)at), b);
                c = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xc, (nuint)at), c);
                d = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xd, (nuint)at), d);
            }
            if (full != batch)
            {
                a2 = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xa, last), a2);
                b2 = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xb, last), b2);
                c2 = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xc, last), c2);
                d2 = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xd, last), d2);
            }
            StoreSums(a + a2, b + b2, c + c2, d + d2, gradients.Slice(k, 4));
        }
        for (; k < end; k++)
        {
            ref float xj = ref Unsafe.Add(ref x0, columns[k] * batch);
            Vector256<float> acc = default, acc2 = default;
            int at = 0;
            for (; at + 2 * Width <= full; at += 2 * Width)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d0, (nuint)at), Vector256.LoadUnsafe(ref xj, (nuint)at), acc);
                acc2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d0, (nuint)(at + Width)), Vector256.LoadUnsafe(ref xj, (nuint)(at + Width)), acc2);
            }
            if (at < full)
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d0, (nuint)at), Vector256.LoadUnsafe(ref xj, (nuint)at), acc);
            if (full != batch)
                acc2 = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xj, last), acc2);
            gradients[k] = Vector256.Sum(acc + acc2);
        }
    }

    /// <summary>Writes the lane sums of four vectors; with AVX, three horizontal adds and one 128-bit add replace four
    /// separate reductions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSums(Vector256<float> a, Vector256<float> b, Vector256<float> c, Vector256<float> d, Span<float> sums)
    {
        if (Avx.IsSupported)
        {
            var pairs = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(c, d));
            (pairs.GetLower() + pairs.GetUpper()).CopyTo(sums);
            return;
        }
        sums[0] = Vector256.Sum(a);
        sums[1] = Vector256.Sum(b);
        sums[2] = Vector256.Sum(c);
        sums[3] = Vector256.Sum(d);
    }

    /// <summary>[rows, cols] row-major → [cols, rows] row-major, in 8×8 tiles transposed in registers.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> target)
    {
        if (source.Length < rows * cols || target.Length < rows * cols)
            throw new ArgumentException($"Transposing {rows}×{cols} needs {rows * cols} values on both sides.");
        int tiledRows = Avx.IsSupported ? rows / Width * Width : 0, tiledCols = cols / Width * Width;
        // Target rows are filled left to right, one tile column at a time, so each written line is completed while cached.
        for (int c = 0; c < tiledCols; c += Width)
            for (int r = 0; r < tiledRows; r += Width)
                TransposeTile(source, r * cols + c, cols, target, c * rows + r, rows);
        for (int r = 0; r < rows; r++)
            for (int c = r < tiledRows ? tiledCols : 0; c < cols; c++)
                target[c * rows + r] = source[r * cols + c];
    }

    /// <summary>Transposes the 8×8 tile at <paramref name="from"/> (row stride <paramref name="fromStride"/>) into
    /// <paramref name="to"/> (row stride <paramref name="toStride"/>): interleave pairs of rows, then pairs of pairs,
    /// then swap 128-bit halves.</summary>
    private static void TransposeTile(ReadOnlySpan<float> source, int from, int fromStride, Span<float> target, int to, int toStride)
    {
        ref float s = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), from);
        var r0 = Vector256.LoadUnsafe(ref s);
        var r1 = Vector256.LoadUnsafe(ref s, (nuint)fromStride);
        var r2 = Vector256.LoadUnsafe(ref s, (nuint)(2 * fromStride));
        var r3 = Vector256.LoadUnsafe(ref s, (nuint)(3 * fromStride));
        var r4 = Vector256.LoadUnsafe(ref s, (nuint)(4 * fromStride));
        var r5 = Vector256.LoadUnsafe(ref s, (nuint)(5 * fromStride));
        var r6 = Vector256.LoadUnsafe(ref s, (nuint)(6 * fromStride));
        var r7 = Vector256.LoadUnsafe(ref s, (nuint)(7 * fromStride));
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        ref float t = ref Unsafe.Add(ref MemoryMarshal.GetReference(target), to);
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref t);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref t, (nuint)toStride);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref t, (nuint)(2 * toStride));
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref t, (nuint)(3 * toStride));
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref t, (nuint)(4 * toStride));
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref t, (nuint)(5 * toStride));
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref t, (nuint)(6 * toStride));
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref t, (nuint)(7 * toStride));
    }
}
