using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// (<paramref name="init"/> empty means 0). Each 8-column block of a row is summed in a register across all of
    /// the row's weights and stored once.
    /// </summary>
    public static void Multiply(ReadOnlySpan<int> starts, ReadOnlySpan<int> sources, ReadOnlySpan<float> values,
        ReadOnlySpan<float> init, ReadOnlySpan<float> x, int batch, Span<float> y)
    {
        int rows = starts.Length - 1;
        if (y.Length < rows * batch)
            throw new ArgumentException($"The output holds {y.Length} values; {rows}×{batch} are needed.", nameof(y));
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref int s0 = ref MemoryMarshal.GetReference(sources);
        ref float v0 = ref MemoryMarshal.GetReference(values);
        if (!Vectorized(batch))
        {
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < batch; c++)
                {
                    float acc = init.IsEmpty ? 0 : init[r];
                    for (int k = starts[r]; k < starts[r + 1]; k++) acc += values[k] * x[sources[k] * batch + c];
                    y[r * batch + c] = acc;
                }
            return;
        }
        ref float y0 = ref MemoryMarshal.GetReference(y);
        // Column blocks outermost: one block of every source row (8 floats × sources) stays in L1 across all rows.
        for (int c = 0; ; c += Width)
        {
            if (c > batch - Width) c = batch - Width; // the overlapping last block
            for (int r = 0; r < rows; r++)
            {
                int begin = starts[r], end = starts[r + 1];
                // Four independent sums hide the latency of the fused multiply-add chain.
                var acc = Vector256.Create(init.IsEmpty ? 0 : init[r]);
                Vector256<float> acc1 = default, acc2 = default, acc3 = default;
                int k = begin;
                for (; k + 4 <= end; k += 4)
                {
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref v0, k)), Load(ref x0, Unsafe.Add(ref s0, k), batch, c), acc);
                    acc1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref v0, k + 1)), Load(ref x0, Unsafe.Add(ref s0, k + 1), batch, c), acc1);
                    acc2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref v0, k + 2)), Load(ref x0, Unsafe.Add(ref s0, k + 2), batch, c), acc2);
                    acc3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref v0, k + 3)), Load(ref x0, Unsafe.Add(ref s0, k + 3), batch, c), acc3);
                }
                for (; k < end; k++)
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref v0, k)), Load(ref x0, Unsafe.Add(ref s0, k), batch, c), acc);
                (acc + acc1 + (acc2 + acc3)).StoreUnsafe(ref y0, (nuint)(r * batch + c));
            }
            if (c == batch - Width) break;
        }
    }

    /// <summary>Gradient of each stored weight k (row i, column j): the batch dot product of dy[i] and x[j].</summary>
    public static void WeightGradients(ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> columns, ReadOnlySpan<float> dy,
        ReadOnlySpan<float> x, int batch, Span<float> gradients)
    {
        int rows = rowStarts.Length - 1;
        if (!Vectorized(batch))
        {
            for (int i = 0; i < rows; i++)
                for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++)
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
        ref float x0 = ref MemoryMarshal.GetReference(x);
        for (int i = 0; i < rows; i++)
        {
            ref float d0 = ref MemoryMarshal.GetReference(dy.Slice(i * batch, batch));
            var dyTail = full == batch ? Vector256<float>.Zero : Vector256.LoadUnsafe(ref d0, (nuint)(batch - Width)) & tailMask;
            int k = rowStarts[i], end = rowStarts[i + 1];
            // Four weights at a time: the dy loads are shared and the four sums are independent chains.
            for (; k + 4 <= end; k += 4)
            {
                ref float xa = ref Unsafe.Add(ref x0, columns[k] * batch);
                ref float xb = ref Unsafe.Add(ref x0, columns[k + 1] * batch);
                ref float xc = ref Unsafe.Add(ref x0, columns[k + 2] * batch);
                ref float xd = ref Unsafe.Add(ref x0, columns[k + 3] * batch);
                Vector256<float> a = default, b = default, cc = default, d = default;
                for (int c = 0; c < full; c += Width)
                {
                    var g = Vector256.LoadUnsafe(ref d0, (nuint)c);
                    a = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xa, (nuint)c), a);
                    b = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xb, (nuint)c), b);
                    cc = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xc, (nuint)c), cc);
                    d = Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref xd, (nuint)c), d);
                }
                if (full != batch)
                {
                    nuint last = (nuint)(batch - Width);
                    a = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xa, last), a);
                    b = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xb, last), b);
                    cc = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xc, last), cc);
                    d = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xd, last), d);
                }
                gradients[k] = Vector256.Sum(a);
                gradients[k + 1] = Vector256.Sum(b);
                gradients[k + 2] = Vector256.Sum(cc);
                gradients[k + 3] = Vector256.Sum(d);
            }
            for (; k < end; k++)
            {
                ref float xj = ref Unsafe.Add(ref x0, columns[k] * batch);
                var acc = Vector256<float>.Zero;
                for (int c = 0; c < full; c += Width)
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref d0, (nuint)c), Vector256.LoadUnsafe(ref xj, (nuint)c), acc);
                if (full != batch)
                    acc = Vector256.FusedMultiplyAdd(dyTail, Vector256.LoadUnsafe(ref xj, (nuint)(batch - Width)), acc);
                gradients[k] = Vector256.Sum(acc);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ref float x0, int source, int batch, int column) =>
        Vector256.LoadUnsafe(ref x0, (nuint)(source * batch + column));

    /// <summary>[rows, cols] row-major → [cols, rows] row-major.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> target)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = source.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++) target[c * rows + r] = row[c];
        }
    }
}
