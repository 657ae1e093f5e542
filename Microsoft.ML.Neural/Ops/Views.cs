namespace Microsoft.ML.Neural;

/// <summary>Shape ops. Views share storage with their input; their backward maps the gradient
/// back through the same re-indexing.</summary>
public static partial class TensorOps
{
    /// <summary>The same elements in a new shape (one size may be −1). A view when the input is
    /// contiguous, else a copy.</summary>
    public static Tensor Reshape(this Tensor x, params int[] shape) => x.ReshapeTo(Shapes.Validate(shape, nameof(Reshape), x.Count));

    /// <summary><see cref="Reshape"/> to a shape already known to hold <c>x.Count</c> elements (never mutated).</summary>
    private static Tensor ReshapeTo(this Tensor x, int[] dims)
    {
        if (Shapes.Equal(dims, x.Dims)) return x;
        var source = x.ContiguousData();
        var y = Tensor.Create(source.Storage, source.Offset, dims);
        return Autograd.RecordSaved("reshape", y, x, x, static (g, x) => g.ReshapeTo(x.Dims));
    }

    /// <summary>Flattens dimensions <paramref name="startDim"/>..<paramref name="endDim"/> into one.</summary>
    public static Tensor Flatten(this Tensor x, int startDim = 0, int endDim = -1)
    {
        if (x.Rank == 0) return x.ReshapeTo(ShapeCache.Get([1]));
        int s = Shapes.NormalizeDim(startDim, x.Rank, nameof(Flatten)), e = Shapes.NormalizeDim(endDim, x.Rank, nameof(Flatten));
        Span<int> dims = stackalloc int[x.Rank - (e - s)];
        x.Dims.AsSpan(0, s).CopyTo(dims);
        int merged = 1;
        for (int i = s; i <= e; i++) merged *= x.Dims[i];
        dims[s] = merged;
        x.Dims.AsSpan(e + 1).CopyTo(dims[(s + 1)..]);
        // An end before the start repeats dimensions: Reshape then checks the count, with its usual message.
        return s <= e ? x.ReshapeTo(ShapeCache.Get(dims)) : x.Reshape(dims.ToArray());
    }

    /// <summary>A view of <paramref name="x"/>'s storage with shape and strides built on the stack; no autograd.</summary>
    private static Tensor View(Tensor x, int offset, ReadOnlySpan<int> dims, ReadOnlySpan<int> strides) =>
        Tensor.Create(x.Storage, offset, ShapeCache.Get(dims), ShapeCache.Get(strides));

    /// <summary>Swaps two dimensions (a view).</summary>
    public static Tensor Transpose(this Tensor x, int dim0, int dim1)
    {
        int a = Shapes.NormalizeDim(dim0, x.Rank, nameof(Transpose)), b = Shapes.NormalizeDim(dim1, x.Rank, nameof(Transpose));
        if (a == b) return x;
        Span<int> dims = stackalloc int[x.Rank], strides = stackalloc int[x.Rank];
        x.Dims.CopyTo(dims);
        x.Strides.CopyTo(strides);
        (dims[a], dims[b]) = (dims[b], dims[a]);
        (strides[a], strides[b]) = (strides[b], strides[a]);
        var y = View(x, x.Offset, dims, strides);
        return Autograd.RecordWithInts("transpose", y, x, ShapeCache.Get([a, b]), static (g, _, swapped) => g.Transpose(swapped[0], swapped[1]));
    }

    /// <summary>Transpose of a 2-D tensor (a view).</summary>
    public static Tensor T(this Tensor x)
    {
        if (x.Rank != 2) throw new ArgumentException($"T() needs a 2-D tensor; got shape {Shapes.Format(x.Dims)}.");
        return x.Transpose(0, 1);
    }

    /// <summary>Reorders dimensions: dimension i of the result is dimension <c>order[i]</c> of the input (a view).
    /// A span parameter, so a call such as <c>x.Permute(0, 2, 1)</c> allocates no array.</summary>
    public static Tensor Permute(this Tensor x, params ReadOnlySpan<int> order)
    {
        if (order.Length != x.Rank) throw new ArgumentException($"Permute: {order.Length} dimensions given for a tensor of shape {Shapes.Format(x.Dims)}.");
        Span<int> dims = stackalloc int[order.Length], strides = stackalloc int[order.Length], inverse = stackalloc int[order.Length];
        Span<bool> seen = stackalloc bool[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            int d = Shapes.NormalizeDim(order[i], x.Rank, nameof(Permute));
            if (seen[d]) throw new ArgumentException($"Permute: dimension {d} appears twice in [{string.Join(", ", order.ToArray())}].");
            seen[d] = true;
            dims[i] = x.Dims[d];
            strides[i] = x.Strides[d];
            inverse[d] = i;
        }
        var y = View(x, x.Offset, dims, strides);
        return Autograd.RecordWithInts("permute", y, x, ShapeCache.Get(inverse), static (g, _, inverse) => g.Permute(inverse));
    }

    /// <summary>Elements <paramref name="start"/>, start+step, … below <paramref name="end"/> along
    /// <paramref name="dim"/> (a view). Negative bounds count from the end.</summary>
    public static Tensor Slice(this Tensor x, int dim, int start, int end, int step = 1)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(Slice));
        int size = x.Dims[d];
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(step), step, "Slice: step must be positive.");
        int s = Math.Clamp(start < 0 ? start + size : start, 0, size);
        int e = Math.Clamp(end < 0 ? end + size : end, s, size);
        Span<int> dims = stackalloc int[x.Rank], strides = stackalloc int[x.Rank];
        x.Dims.CopyTo(dims);
        x.Strides.CopyTo(strides);
        dims[d] = (e - s + step - 1) / step;
        strides[d] = x.Strides[d] * step;
        var y = View(x, x.Offset + s * x.Strides[d], dims, strides);
        return Autograd.WillRecord(x) ? Autograd.Attach(y, PartNode.Rent(x, select: false, d, s, e, step)) : y;
    }

    /// <summary>The sub-tensor at <paramref name="index"/> along <paramref name="dim"/>, which is removed (a view).</summary>
    public static Tensor Select(this Tensor x, int dim, int index)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(Select));
        int i = index < 0 ? index + x.Dims[d] : index;
        if ((uint)i >= (uint)x.Dims[d]) throw new IndexOutOfRangeException($"Select: index {index} is out of range for dimension {d} of shape {Shapes.Format(x.Dims)}.");
        Span<int> dims = stackalloc int[x.Rank - 1], strides = stackalloc int[x.Rank - 1];
        DropAt(x.Dims, d, dims);
        DropAt(x.Strides, d, strides);
        var y = View(x, x.Offset + i * x.Strides[d], dims, strides);
        return Autograd.WillRecord(x) ? Autograd.Attach(y, PartNode.Rent(x, select: true, d, i, 0, 0)) : y;
    }

    /// <summary>The backward of <see cref="Slice"/> and <see cref="Select"/>: zeros of the input's shape
    /// with the gradient written into the part the view picked.</summary>
    private sealed class PartNode : PooledNode<PartNode>
    {
        private bool _select;
        private int _dim, _start, _end, _step;

        public override string Name => _select ? "select" : "slice";

        /// <param name="start">The slice's first index, or the selected index.</param>
        public static PartNode Rent(Tensor x, bool select, int dim, int start, int end, int step)
        {
            var node = RentWithInputs(x);
            (node._select, node._dim, node._start, node._end, node._step) = (select, dim, start, end, step);
            return node;
        }

        public override void Run(Tensor g)
        {
            var z = Tensor.ZerosOf(Input(0).Dims);
            StridedWrite.Assign(_select ? z.Select(_dim, _start) : z.Slice(_dim, _start, _end, _step), g);
            SetGradients(z);
        }

        protected override void ClearSaved()
        {
        }
    }

    /// <summary>Copies <paramref name="values"/> without entry <paramref name="at"/> into <paramref name="destination"/>.</summary>
    private static void DropAt(ReadOnlySpan<int> values, int at, Span<int> destination)
    {
        values[..at].CopyTo(destination);
        values[(at + 1)..].CopyTo(destination[at..]);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (a view).</summary>
    public static Tensor Unsqueeze(this Tensor x, int dim)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank + 1, nameof(Unsqueeze));
        Span<int> dims = stackalloc int[x.Rank + 1];
        x.Dims.AsSpan(0, d).CopyTo(dims);
        dims[d] = 1;
        x.Dims.AsSpan(d).CopyTo(dims[(d + 1)..]);
        return x.ViewAs(dims, "unsqueeze");
    }

    /// <summary>Removes dimension <paramref name="dim"/> if it has size 1, or all size-1 dimensions when null (a view).</summary>
    public static Tensor Squeeze(this Tensor x, int? dim = null)
    {
        Span<int> dims = stackalloc int[x.Rank];
        int rank = 0;
        if (dim is int requested)
        {
            int d = Shapes.NormalizeDim(requested, x.Rank, nameof(Squeeze));
            if (x.Dims[d] != 1) return x;
            DropAt(x.Dims, d, dims);
            rank = x.Rank - 1;
        }
        else
        {
            foreach (int size in x.Dims)
                if (size != 1) dims[rank++] = size;
        }
        return x.ViewAs(dims[..rank], "squeeze");
    }

    /// <summary>A view with size-1 dimensions added or removed (no other change), keeping strides.</summary>
    private static Tensor ViewAs(this Tensor x, ReadOnlySpan<int> dims, string op)
    {
        Span<int> strides = stackalloc int[dims.Length];
        int src = 0;
        for (int i = 0; i < dims.Length; i++)
        {
            while (src < x.Rank && x.Dims[src] == 1 && dims[i] != 1) src++;
            if (src < x.Rank && x.Dims[src] == dims[i]) strides[i] = x.Strides[src++];
            else strides[i] = 0;   // an inserted size-1 dimension: its stride is never used
        }
        var y = View(x, x.Offset, dims, strides);
        return Autograd.RecordSaved(op, y, x, x, static (g, x) => g.ReshapeTo(x.Dims));
    }

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> without copying (stride 0);
    /// −1 keeps a size. A span parameter, so a call such as <c>x.Expand(4, 6)</c> allocates no array.</summary>
    public static Tensor Expand(this Tensor x, params ReadOnlySpan<int> shape)
    {
        if (shape.Length < x.Rank) throw new ArgumentException($"Expand: shape {Shapes.Format(shape.ToArray())} has fewer dimensions than {Shapes.Format(x.Dims)}.");
        // The length comes from the caller, not from an existing tensor: only a plausible rank goes on the stack.
        Span<int> dims = shape.Length <= 64 ? stackalloc int[shape.Length] : new int[shape.Length];
        shape.CopyTo(dims);
        int lead = dims.Length - x.Rank;
        for (int i = 0; i < dims.Length; i++)
        {
            int d = i - lead;
            if (dims[i] == -1 && d >= 0) dims[i] = x.Dims[d];
            if (dims[i] < 0 || (d >= 0 && x.Dims[d] != 1 && x.Dims[d] != dims[i]))
                throw new ArgumentException($"Expand: cannot expand shape {Shapes.Format(x.Dims)} to {Shapes.Format(shape.ToArray())}.");
        }
        if (dims.SequenceEqual(x.Dims)) return x;
        var y = x.BroadcastView(ShapeCache.Get(dims));
        return Autograd.RecordSaved("expand", y, x, x, static (g, x) => g.SumTo(x.Dims));
    }

    /// <summary><see cref="Expand"/> to a shape <paramref name="x"/> is known to broadcast to (never mutated); no autograd.</summary>
    private static Tensor BroadcastView(this Tensor x, int[] dims)
    {
        if (Shapes.Equal(dims, x.Dims)) return x;
        Span<int> strides = stackalloc int[dims.Length];
        Shapes.BroadcastStrides(x, dims, strides);
        return Tensor.Create(x.Storage, x.Offset, dims, ShapeCache.Get(strides));
    }

    /// <summary>This tensor when already contiguous, else a contiguous copy.</summary>
    public static Tensor Contiguous(this Tensor x) => x.IsContiguous ? x : x.Clone();

    /// <summary>The elements as a contiguous tensor for a kernel to read: this tensor when already
    /// contiguous, else a copy that records no graph.</summary>
    internal static Tensor ContiguousData(this Tensor x)
    {
        if (x.IsContiguous) return x;
        var y = Tensor.Uninitialized(x.Dims);
        Strided.CopyTo(x, y.AsSpan());
        return y;
    }

    /// <summary>A contiguous copy; gradients flow through unchanged.</summary>
    public static Tensor Clone(this Tensor x)
    {
        var y = Tensor.Uninitialized(x.Dims);
        Strided.CopyTo(x, y.AsSpan());
        return Autograd.RecordSaved("clone", y, x, x, static (g, _) => g);
    }

    /// <summary>Sums <paramref name="g"/> over the dimensions that broadcasting expanded, giving
    /// shape <paramref name="dims"/>: the backward of every broadcasting op.</summary>
    internal static Tensor SumTo(this Tensor g, int[] dims)
    {
        if (Shapes.Equal(g.Dims, dims)) return g;
        int lead = g.Rank - dims.Length;
        Span<bool> reduce = stackalloc bool[g.Rank];
        for (int i = 0; i < g.Rank; i++)
            reduce[i] = i < lead || (dims[i - lead] == 1 && g.Dims[i] != 1);
        return SumKernel(g, reduce).ReshapeTo(dims);
    }
}
