namespace Microsoft.ML.Neural;

/// <summary>Gathering and scattering by integer indices, concatenation and stacking. Indices
/// are plain <c>int[]</c> (the tensor type holds float32 only).</summary>
public static partial class TensorOps
{
    /// <summary>The slices at <paramref name="indices"/> along <paramref name="dim"/> (repeats allowed);
    /// gradients of repeated indices add up.</summary>
    public static Tensor IndexSelect(this Tensor x, int dim, int[] indices)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(IndexSelect));
        var (outer, r, inner) = Reduce.Split(x.Dims, d);
        CheckIndices(indices, r, nameof(IndexSelect), x.Dims, d);
        var outDims = (int[])x.Dims.Clone();
        outDims[d] = indices.Length;
        var y = Tensor.Uninitialized(outDims);
        CopyBlocks(x.ContiguousData().AsReadOnlySpan(), outer, r, inner, indices, y.AsSpan());
        return Autograd.Record("index_select", y, x, g => AddBlocks(g, null, x.Dims, outer, r, inner, indices, skip: null));
    }

    /// <summary>Rows of an embedding table: <paramref name="weight"/> [num, dim] looked up at
    /// <paramref name="ids"/>, giving shape [..<paramref name="idShape"/>, dim] ([ids.Length, dim] by
    /// default). Rows at <paramref name="paddingIndex"/> are returned but receive no gradient.</summary>
    public static Tensor Embedding(this Tensor weight, int[] ids, int[]? idShape = null, int? paddingIndex = null)
    {
        if (weight.Rank != 2) throw new ArgumentException($"Embedding: the table must be [num, dim]; got {Shapes.Format(weight.Dims)}.");
        var shape = idShape ?? [ids.Length];
        if (Shapes.Count(shape) != ids.Length)
            throw new ArgumentException($"Embedding: {ids.Length} ids do not fill shape {Shapes.Format(shape)}.");
        int rows = weight.Dims[0], dim = weight.Dims[1];
        CheckIndices(ids, rows, nameof(Embedding), weight.Dims, 0);
        var y = Tensor.Uninitialized([.. shape, dim]);
        CopyBlocks(weight.ContiguousData().AsReadOnlySpan(), 1, rows, dim, ids, y.AsSpan());
        return Autograd.Record("embedding", y, weight, g =>
        {
            // Large tables: scatter straight into the table's gradient when the engine allows it.
            var sink = weight.DirectGradTarget(out bool accumulate);
            if (sink is null) return AddBlocks(g, null, weight.Dims, 1, rows, dim, ids, paddingIndex);
            AddBlocks(g, accumulate ? sink : sink.Fill(0f), weight.Dims, 1, rows, dim, ids, paddingIndex);
            return null;
        });
    }

    /// <summary>dst[o, j, :] = src[o, indices[j], :] over [outer, r, inner] blocks.</summary>
    private static void CopyBlocks(ReadOnlySpan<float> src, int outer, int r, int inner, int[] indices, Span<float> dst)
    {
        int k = indices.Length;
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < k; j++)
                src.Slice((o * r + indices[j]) * inner, inner).CopyTo(dst.Slice((o * k + j) * inner, inner));
    }

    /// <summary>The backward of <see cref="CopyBlocks"/>: each gradient block added at its index
    /// (except index <paramref name="skip"/>) into <paramref name="target"/>, or into zeros of <paramref name="dims"/>.</summary>
    private static Tensor AddBlocks(Tensor g, Tensor? target, int[] dims, int outer, int r, int inner, int[] indices, int? skip)
    {
        var gx = target ?? Tensor.ZerosOf(dims);
        var gs = g.ContiguousData().AsReadOnlySpan();
        var gd = gx.AsSpan();
        int k = indices.Length;
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < k; j++)
            {
                if (indices[j] == skip) continue;
                var row = gd.Slice((o * r + indices[j]) * inner, inner);
                TensorPrimitives.Add(row, gs.Slice((o * k + j) * inner, inner), row);
            }
        return gx;
    }

    /// <summary>out[…, j, …] = x[…, index[…, j, …], …] along <paramref name="dim"/>, where
    /// <paramref name="index"/> (row-major) has x's shape except k entries along <paramref name="dim"/>.</summary>
    public static Tensor Gather(this Tensor x, int dim, int[] index)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(Gather));
        var (outer, r, inner) = Reduce.Split(x.Dims, d);
        int k = GatherWidth(index, outer, inner, nameof(Gather), x.Dims);
        CheckIndices(index, r, nameof(Gather), x.Dims, d);
        var outDims = (int[])x.Dims.Clone();
        outDims[d] = k;
        var y = Tensor.Uninitialized(outDims);
        var src = x.ContiguousData().AsReadOnlySpan();
        var dst = y.AsSpan();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < k; j++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * k + j) * inner + i;
                    dst[p] = src[(o * r + index[p]) * inner + i];
                }
        return Autograd.Record("gather", y, x, g => Tensor.ZerosOf(x.Dims).ScatterAddKernel(d, index, g));
    }

    /// <summary>A copy of x with src added at the positions <paramref name="index"/> names along
    /// <paramref name="dim"/> (the inverse pattern of <see cref="Gather"/>; repeated positions add up).</summary>
    public static Tensor ScatterAdd(this Tensor x, int dim, int[] index, Tensor source)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(ScatterAdd));
        var expected = (int[])x.Dims.Clone();
        var (outer, r, inner) = Reduce.Split(x.Dims, d);
        expected[d] = GatherWidth(index, outer, inner, nameof(ScatterAdd), x.Dims);
        if (!Shapes.Equal(expected, source.Dims))
            throw new ArgumentException($"ScatterAdd: source {Shapes.Format(source.Dims)} must have shape {Shapes.Format(expected)} for index of length {index.Length} into {Shapes.Format(x.Dims)}.");
        CheckIndices(index, r, nameof(ScatterAdd), x.Dims, d);
        var y = Tensor.Uninitialized(x.Dims);
        Strided.CopyTo(x, y.AsSpan());
        y.ScatterAddKernel(d, index, source);
        return Autograd.Record("scatter_add", y, [x, source], g => [g, g.Gather(d, index)]);
    }

    /// <summary>In-place scatter-add into the contiguous <paramref name="target"/>; returns it.</summary>
    private static Tensor ScatterAddKernel(this Tensor target, int d, int[] index, Tensor source)
    {
        var (outer, r, inner) = Reduce.Split(target.Dims, d);
        int k = source.Dims[d];
        var src = source.ContiguousData().AsReadOnlySpan();
        var dst = target.AsSpan();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < k; j++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * k + j) * inner + i;
                    dst[(o * r + index[p]) * inner + i] += src[p];
                }
        return target;
    }

    private static int GatherWidth(int[] index, int outer, int inner, string op, int[] dims)
    {
        ArgumentNullException.ThrowIfNull(index);
        int perPosition = outer * inner;
        if (perPosition == 0 || index.Length % perPosition != 0)
            throw new ArgumentException($"{op}: an index of length {index.Length} does not tile the other dimensions of {Shapes.Format(dims)}.");
        return index.Length / perPosition;
    }

    private static void CheckIndices(int[] indices, int size, string op, int[] dims, int dim)
    {
        ArgumentNullException.ThrowIfNull(indices);
        for (int i = 0; i < indices.Length; i++)
            if ((uint)indices[i] >= (uint)size)
                throw new IndexOutOfRangeException($"{op}: index {indices[i]} at position {i} is out of range for dimension {dim} of shape {Shapes.Format(dims)}.");
    }

    /// <summary>Joins tensors along an existing dimension; all other sizes must agree.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("Concat needs at least one tensor.", nameof(tensors));
        var first = tensors[0];
        int d = Shapes.NormalizeDim(dim, first.Rank, nameof(Concat));
        int total = 0;
        foreach (var t in tensors)
        {
            if (t.Rank != first.Rank || Enumerable.Range(0, t.Rank).Any(i => i != d && t.Dims[i] != first.Dims[i]))
                throw new ArgumentException($"Concat along {d}: shapes {Shapes.Format(first.Dims)} and {Shapes.Format(t.Dims)} differ outside that dimension.");
            total += t.Dims[d];
        }
        var outDims = (int[])first.Dims.Clone();
        outDims[d] = total;
        var y = Tensor.Uninitialized(outDims);
        var starts = new int[tensors.Count];
        int at = 0;
        for (int i = 0; i < tensors.Count; i++)
        {
            starts[i] = at;
            StridedWrite.Assign(RawSlice(y, d, at, tensors[i].Dims[d]), tensors[i]);
            at += tensors[i].Dims[d];
        }
        var inputs = tensors.ToArray();
        return Autograd.Record("concat", y, inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
                if (inputs[i].RequiresGrad) grads[i] = RawSlice(g, d, starts[i], inputs[i].Dims[d]).ContiguousData();
            return grads;
        });
    }

    /// <summary>Joins same-shaped tensors along a new dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("Stack needs at least one tensor.", nameof(tensors));
        int d = Shapes.NormalizeDim(dim, tensors[0].Rank + 1, nameof(Stack));
        foreach (var t in tensors)
            if (!Shapes.Equal(t.Dims, tensors[0].Dims))
                throw new ArgumentException($"Stack: shapes {Shapes.Format(tensors[0].Dims)} and {Shapes.Format(t.Dims)} differ.");
        return Concat(tensors.Select(t => t.Unsqueeze(d)).ToArray(), d);
    }

    /// <summary>Unrecorded view of <paramref name="length"/> entries from <paramref name="start"/> along <paramref name="d"/>.</summary>
    private static Tensor RawSlice(Tensor t, int d, int start, int length)
    {
        var dims = (int[])t.Dims.Clone();
        dims[d] = length;
        return new Tensor(t.Storage, t.Offset + start * t.Strides[d], dims, t.Strides, tracked: false);
    }
}
