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
        var y = Tensor.Uninitialized(WithSize(x.Dims, d, indices.Length, stackalloc int[x.Rank]));
        CopyBlocks(x.ContiguousData().AsReadOnlySpan(), outer, r, inner, indices, y.AsSpan());
        return Autograd.WillRecord(x) ? Autograd.Attach(y, BlocksNode.Rent(x, outer, r, inner, indices, embedding: false, skip: null)) : y;
    }

    /// <summary>Rows of an embedding table: <paramref name="weight"/> [num, dim] looked up at
    /// <paramref name="ids"/>, giving shape [..<paramref name="idShape"/>, dim] ([ids.Length, dim] by
    /// default). Rows at <paramref name="paddingIndex"/> are returned but receive no gradient.</summary>
    public static Tensor Embedding(this Tensor weight, int[] ids, int[]? idShape = null, int? paddingIndex = null)
    {
        if (weight.Rank != 2) throw new ArgumentException($"Embedding: the table must be [num, dim]; got {Shapes.Format(weight.Dims)}.");
        if (idShape is not null && Shapes.Count(idShape) != ids.Length)
            throw new ArgumentException($"Embedding: {ids.Length} ids do not fill shape {Shapes.Format(idShape)}.");
        int rows = weight.Dims[0], dim = weight.Dims[1];
        CheckIndices(ids, rows, nameof(Embedding), weight.Dims, 0);
        Span<int> outDims = stackalloc int[(idShape?.Length ?? 1) + 1];
        if (idShape is null) outDims[0] = ids.Length;
        else idShape.CopyTo(outDims);
        outDims[^1] = dim;
        var y = Tensor.Uninitialized(outDims);
        CopyBlocks(weight.ContiguousData().AsReadOnlySpan(), 1, rows, dim, ids, y.AsSpan());
        return Autograd.WillRecord(weight) ? Autograd.Attach(y, BlocksNode.Rent(weight, 1, rows, dim, ids, embedding: true, paddingIndex)) : y;
    }

    /// <summary>The backward of <see cref="IndexSelect"/> and <see cref="Embedding"/>: each gradient block
    /// added back at its index (<see cref="AddBlocks"/>).</summary>
    private sealed class BlocksNode : PooledNode<BlocksNode>
    {
        private int[]? _indices;
        private int _outer, _r, _inner;
        private bool _embedding;
        private int? _skip;

        public override string Name => _embedding ? "embedding" : "index_select";

        /// <param name="embedding">An embedding table, whose gradient may go straight into its Grad.</param>
        /// <param name="skip">An index whose blocks get no gradient (an embedding's padding index).</param>
        public static BlocksNode Rent(Tensor x, int outer, int r, int inner, int[] indices, bool embedding, int? skip)
        {
            var node = RentWithInputs(x);
            (node._outer, node._r, node._inner, node._indices, node._embedding, node._skip) = (outer, r, inner, indices, embedding, skip);
            return node;
        }

        public override void Run(Tensor g)
        {
            var x = Input(0);
            // Large tables: scatter straight into the table's gradient when the engine allows it.
            bool accumulate = false;
            var sink = _embedding ? x.DirectGradTarget(out accumulate) : null;
            if (sink is null)
            {
                SetGradients(AddBlocks(g, null, x.Dims, _outer, _r, _inner, _indices!, _skip));
                return;
            }
            AddBlocks(g, accumulate ? sink : sink.Fill(0f), x.Dims, _outer, _r, _inner, _indices!, _skip);
            SetGradients(null);
        }

        protected override void ClearSaved() => _indices = null;
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
        var y = Tensor.Uninitialized(WithSize(x.Dims, d, k, stackalloc int[x.Rank]));
        var src = x.ContiguousData().AsReadOnlySpan();
        var dst = y.AsSpan();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < k; j++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * k + j) * inner + i;
                    dst[p] = src[(o * r + index[p]) * inner + i];
                }
        return Autograd.WillRecord(x) ? Autograd.Attach(y, IndexNode.Rent(x, null, d, index)) : y;
    }

    /// <summary>A copy of x with src added at the positions <paramref name="index"/> names along
    /// <paramref name="dim"/> (the inverse pattern of <see cref="Gather"/>; repeated positions add up).</summary>
    public static Tensor ScatterAdd(this Tensor x, int dim, int[] index, Tensor source)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(ScatterAdd));
        var (outer, r, inner) = Reduce.Split(x.Dims, d);
        var expected = WithSize(x.Dims, d, GatherWidth(index, outer, inner, nameof(ScatterAdd), x.Dims), stackalloc int[x.Rank]);
        if (!expected.SequenceEqual(source.Dims))
            throw new ArgumentException($"ScatterAdd: source {Shapes.Format(source.Dims)} must have shape {Shapes.Format(expected.ToArray())} for index of length {index.Length} into {Shapes.Format(x.Dims)}.");
        CheckIndices(index, r, nameof(ScatterAdd), x.Dims, d);
        var y = Tensor.Uninitialized(x.Dims);
        Strided.CopyTo(x, y.AsSpan());
        y.ScatterAddKernel(d, index, source);
        return Autograd.WillRecord(x, source) ? Autograd.Attach(y, IndexNode.Rent(x, source, d, index)) : y;
    }

    /// <summary>The backward of <see cref="Gather"/> (one input: the gradient scattered back to where it was
    /// gathered from) and of <see cref="ScatterAdd"/> (two inputs: the gradient itself, and for the source
    /// the gradient gathered at the scattered positions).</summary>
    private sealed class IndexNode : PooledNode<IndexNode>
    {
        private int[]? _index;
        private int _dim;

        public override string Name => InputCount == 1 ? "gather" : "scatter_add";

        /// <param name="source">ScatterAdd's source; null for a gather.</param>
        public static IndexNode Rent(Tensor x, Tensor? source, int dim, int[] index)
        {
            var node = RentWithInputs(x, source);
            (node._dim, node._index) = (dim, index);
            return node;
        }

        public override void Run(Tensor g)
        {
            if (InputCount == 1) SetGradients(Tensor.ZerosOf(Input(0).Dims).ScatterAddKernel(_dim, _index!, g));
            else SetGradients(g, g.Gather(_dim, _index!));
        }

        protected override void ClearSaved() => _index = null;
    }

    /// <summary><paramref name="dims"/> with dimension <paramref name="dim"/> set to <paramref name="size"/>,
    /// written into <paramref name="destination"/> (as long as <paramref name="dims"/>).</summary>
    private static Span<int> WithSize(int[] dims, int dim, int size, Span<int> destination)
    {
        dims.CopyTo(destination);
        destination[dim] = size;
        return destination;
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
        // Indexed loops: a foreach over the interface would allocate an enumerator.
        for (int i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i];
            if (t.Rank != first.Rank || !SameOutside(t.Dims, first.Dims, d))
                throw new ArgumentException($"Concat along {d}: shapes {Shapes.Format(first.Dims)} and {Shapes.Format(t.Dims)} differ outside that dimension.");
            total += t.Dims[d];
        }
        var y = Tensor.Uninitialized(WithSize(first.Dims, d, total, stackalloc int[first.Rank]));
        int at = 0;
        for (int i = 0; i < tensors.Count; i++)
        {
            StridedWrite.Assign(RawSlice(y, d, at, tensors[i].Dims[d]), tensors[i]);
            at += tensors[i].Dims[d];
        }
        return WillRecord(tensors) ? RecordConcat(y, tensors.ToArray(), d) : y;
    }

    /// <summary>Whether two shapes of one rank agree in every dimension but <paramref name="dim"/>.</summary>
    private static bool SameOutside(int[] a, int[] b, int dim)
    {
        for (int i = 0; i < a.Length; i++)
            if (i != dim && a[i] != b[i]) return false;
        return true;
    }

    /// <summary>Whether an op over <paramref name="inputs"/> would be recorded, without copying the list to an array.</summary>
    private static bool WillRecord(IReadOnlyList<Tensor> inputs)
    {
        for (int i = 0; i < inputs.Count; i++)
            if (Autograd.WillRecord(inputs[i])) return true;
        return false;
    }

    // Any number of inputs, so a closure over an inputs array rather than a pooled node (which holds
    // at most three); a method of its own so that it is allocated only when a graph is recorded.
    private static Tensor RecordConcat(Tensor y, Tensor[] inputs, int d) =>
        Autograd.Record("concat", y, inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            int at = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                int length = inputs[i].Dims[d];
                if (inputs[i].RequiresGrad) grads[i] = RawSlice(g, d, at, length).ContiguousData();
                at += length;
            }
            return grads;
        });

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
    private static Tensor RawSlice(Tensor t, int d, int start, int length) =>
        View(t, t.Offset + start * t.Strides[d], WithSize(t.Dims, d, length, stackalloc int[t.Rank]), t.Strides);
}
