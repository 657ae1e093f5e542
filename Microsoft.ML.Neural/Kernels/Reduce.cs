namespace Microsoft.ML.Neural.Kernels;

/// <summary>Reductions over the middle axis of a contiguous [outer, r, inner] block.</summary>
internal static class Reduce
{
    public static void Sum(ReadOnlySpan<float> x, int outer, int r, int inner, Span<float> dst)
    {
        for (int o = 0; o < outer; o++)
        {
            var block = x.Slice(o * r * inner, r * inner);
            if (inner == 1)
            {
                dst[o] = TensorPrimitives.Sum(block);
                continue;
            }
            var row = dst.Slice(o * inner, inner);
            if (r == 0) { row.Clear(); continue; }
            block.Slice(0, inner).CopyTo(row);
            for (int i = 1; i < r; i++) TensorPrimitives.Add(row, block.Slice(i * inner, inner), row);
        }
    }

    /// <summary>Maximum and the index of its first occurrence along the middle axis (r ≥ 1).</summary>
    public static void Max(ReadOnlySpan<float> x, int outer, int r, int inner, Span<float> dst, Span<int> argMax)
    {
        for (int o = 0; o < outer; o++)
        {
            var block = x.Slice(o * r * inner, r * inner);
            if (inner == 1)
            {
                int at = TensorPrimitives.IndexOfMax(block);
                dst[o] = block[at];
                argMax[o] = at;
                continue;
            }
            for (int j = 0; j < inner; j++)
            {
                float best = block[j];
                int at = 0;
                for (int i = 1; i < r; i++)
                {
                    float v = block[i * inner + j];
                    if (v > best || (float.IsNaN(v) && !float.IsNaN(best))) { best = v; at = i; }
                }
                dst[o * inner + j] = best;
                argMax[o * inner + j] = at;
            }
        }
    }

    /// <summary>Splits <paramref name="dims"/> around axis <paramref name="axis"/> into outer·r·inner.</summary>
    public static (int Outer, int R, int Inner) Split(int[] dims, int axis)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= dims[i];
        for (int i = axis + 1; i < dims.Length; i++) inner *= dims[i];
        return (outer, dims[axis], inner);
    }
}
