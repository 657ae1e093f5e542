namespace Microsoft.ML.Neural.Kernels;

/// <summary>Walks a strided view row by row (the innermost dimension as one run), so copies and
/// element-wise kernels handle any view, including broadcast (stride 0) dimensions.</summary>
internal static class Strided
{
    /// <summary>Copies the elements of <paramref name="src"/> in row-major order into <paramref name="dst"/>.</summary>
    public static void CopyTo(Tensor src, Span<float> dst)
    {
        var storage = src.Storage;
        if (src.IsContiguous)
        {
            storage.AsSpan(src.Offset, src.Count).CopyTo(dst);
            return;
        }
        int rank = src.Dims.Length;
        int inner = src.Dims[rank - 1];
        int innerStride = src.Strides[rank - 1];
        int rows = inner == 0 ? 0 : src.Count / inner;
        Span<int> index = stackalloc int[rank];
        int offset = src.Offset;
        for (int r = 0; r < rows; r++)
        {
            var row = dst.Slice(r * inner, inner);
            if (innerStride == 1) storage.AsSpan(offset, inner).CopyTo(row);
            else if (innerStride == 0) row.Fill(storage[offset]);
            else for (int j = 0; j < inner; j++) row[j] = storage[offset + j * innerStride];
            offset = Advance(index, src.Dims, src.Strides, offset, rank - 1);
        }
    }

    /// <summary>Odometer step over dimensions [0, <paramref name="outerRank"/>): returns the offset of the next row.</summary>
    public static int Advance(Span<int> index, ReadOnlySpan<int> dims, ReadOnlySpan<int> strides, int offset, int outerRank)
    {
        int unused = 0;
        Advance(index, dims, strides, ref offset, strides, ref unused, outerRank);
        return offset;
    }

    /// <summary>Odometer step that moves two operands, each with its own strides, to their next rows.</summary>
    public static void Advance(Span<int> index, ReadOnlySpan<int> dims, ReadOnlySpan<int> stridesA, ref int offsetA,
        ReadOnlySpan<int> stridesB, ref int offsetB, int outerRank)
    {
        for (int d = outerRank - 1; d >= 0; d--)
        {
            index[d]++;
            offsetA += stridesA[d];
            offsetB += stridesB[d];
            if (index[d] < dims[d]) return;
            offsetA -= stridesA[d] * dims[d];
            offsetB -= stridesB[d] * dims[d];
            index[d] = 0;
        }
    }
}

/// <summary>Strided writes: <c>dst[...] = src[...]</c> (src broadcast to dst's shape) and
/// <c>dst[...] += src[...]</c>, for any view <paramref name="dst"/>.</summary>
internal static class StridedWrite
{
    public static void Assign(Tensor dst, Tensor src) => Run(dst, src, accumulate: false);

    public static void Accumulate(Tensor dst, Tensor src) => Run(dst, src, accumulate: true);

    private static void Run(Tensor dst, Tensor src, bool accumulate)
    {
        var dims = dst.Dims;
        int rank = dims.Length;
        float[] sd = dst.Storage, ss = src.Storage;
        if (rank == 0)
        {
            sd[dst.Offset] = accumulate ? sd[dst.Offset] + ss[src.Offset] : ss[src.Offset];
            return;
        }
        Span<int> stridesS = stackalloc int[rank];
        Shapes.BroadcastStrides(src, dims, stridesS);
        int inner = dims[rank - 1];
        int rows = inner == 0 ? 0 : dst.Count / inner;
        int id = dst.Strides[rank - 1], isrc = stridesS[rank - 1];
        Span<int> index = stackalloc int[rank];
        int offD = dst.Offset, offS = src.Offset;
        for (int r = 0; r < rows; r++)
        {
            if (id == 1 && isrc == 1)
            {
                var d = sd.AsSpan(offD, inner);
                var s = ss.AsSpan(offS, inner);
                if (accumulate) TensorPrimitives.Add(d, s, d); else s.CopyTo(d);
            }
            else
            {
                for (int j = 0; j < inner; j++)
                {
                    float v = ss[offS + j * isrc];
                    ref float target = ref sd[offD + j * id];
                    target = accumulate ? target + v : v;
                }
            }
            Strided.Advance(index, dims, dst.Strides, ref offD, stridesS, ref offS, rank - 1);
        }
    }
}
