namespace Microsoft.ML.Neural;

/// <summary>Shape ops. Views share storage with their input; their backward maps the gradient
/// back through the same re-indexing.</summary>
public static partial class TensorOps
{
    /// <summary>The same elements in a new shape (one size may be −1). A view when the input is
    /// contiguous, else a copy.</summary>
    public static Tensor Reshape(this Tensor x, params int[] shape)
    {
        var dims = Shapes.Validate(shape, nameof(Reshape), x.Count);
        if (Shapes.Equal(dims, x.Dims)) return x;
        var source = x.ContiguousData();
        var y = Tensor.Create(source.Storage, source.Offset, dims);
        return Autograd.RecordSaved("reshape", y, x, x, static (g, x) => g.Reshape(x.Dims));
    }

    /// <summary>Flattens dimensions <paramref name="startDim"/>..<paramref name="endDim"/> into one.</summary>
    public static Tensor Flatten(this Tensor x, int startDim = 0, int endDim = -1)
    {
        if (x.Rank == 0) return x.Reshape(1);
        int s = Shapes.NormalizeDim(startDim, x.Rank, nameof(Flatten)), e = Shapes.NormalizeDim(endDim, x.Rank, nameof(Flatten));
        var dims = new List<int>();
        for (int i = 0; i < s; i++) dims.Add(x.Dims[i]);
        int merged = 1;
        for (int i = s; i <= e; i++) merged *= x.Dims[i];
        dims.Add(merged);
        for (int i = e + 1; i < x.Rank; i++) dims.Add(x.Dims[i]);
        return x.Reshape(dims.ToArray());
    }

    /// <summary>Swaps two dimensions (a view).</summary>
    public static Tensor Transpose(this Tensor x, int dim0, int dim1)
    {
        int a = Shapes.NormalizeDim(dim0, x.Rank, nameof(Transpose)), b = Shapes.NormalizeDim(dim1, x.Rank, nameof(Transpose));
        if (a == b) return x;
        var dims = (int[])x.Dims.Clone();
        var strides = (int[])x.Strides.Clone();
        (dims[a], dims[b]) = (dims[b], dims[a]);
        (strides[a], strides[b]) = (strides[b], strides[a]);
        var y = new Tensor(x.Storage, x.Offset, dims, strides);
        return Autograd.Record("transpose", y, x, g => g.Transpose(a, b));
    }

    /// <summary>Transpose of a 2-D tensor (a view).</summary>
    public static Tensor T(this Tensor x)
    {
        if (x.Rank != 2) throw new ArgumentException($"T() needs a 2-D tensor; got shape {Shapes.Format(x.Dims)}.");
        return x.Transpose(0, 1);
    }

    /// <summary>Reorders dimensions: dimension i of the result is dimension <c>order[i]</c> of the input (a view).</summary>
    public static Tensor Permute(this Tensor x, params int[] order)
    {
        if (order.Length != x.Rank) throw new ArgumentException($"Permute: {order.Length} dimensions given for a tensor of shape {Shapes.Format(x.Dims)}.");
        var dims = new int[order.Length];
        var strides = new int[order.Length];
        var inverse = new int[order.Length];
        var seen = new bool[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            int d = Shapes.NormalizeDim(order[i], x.Rank, nameof(Permute));
            if (seen[d]) throw new ArgumentException($"Permute: dimension {d} appears twice in [{string.Join(", ", order)}].");
            seen[d] = true;
            dims[i] = x.Dims[d];
            strides[i] = x.Strides[d];
            inverse[d] = i;
        }
        var y = new Tensor(x.Storage, x.Offset, dims, strides);
        return Autograd.Record("permute", y, x, g => g.Permute(inverse));
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
        var y = Tensor.Create(x.Storage, x.Offset + s * x.Strides[d], ShapeCache.Get(dims), ShapeCache.Get(strides));
        return Autograd.WillRecord(x) ? RecordSlice(y, x, d, s, e, step) : y;
    }

    // A method of its own so that the closure's captures are allocated only when a graph is recorded.
    private static Tensor RecordSlice(Tensor y, Tensor x, int d, int s, int e, int step) =>
        Autograd.Record("slice", y, x, g => ScatterIntoZeros(x.Dims, g, t => t.Slice(d, s, e, step)));

    /// <summary>The sub-tensor at <paramref name="index"/> along <paramref name="dim"/>, which is removed (a view).</summary>
    public static Tensor Select(this Tensor x, int dim, int index)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(Select));
        int i = index < 0 ? index + x.Dims[d] : index;
        if ((uint)i >= (uint)x.Dims[d]) throw new IndexOutOfRangeException($"Select: index {index} is out of range for dimension {d} of shape {Shapes.Format(x.Dims)}.");
        var dims = x.Dims.Where((_, k) => k != d).ToArray();
        var strides = x.Strides.Where((_, k) => k != d).ToArray();
        var y = new Tensor(x.Storage, x.Offset + i * x.Strides[d], dims, strides);
        return Autograd.Record("select", y, x, g => ScatterIntoZeros(x.Dims, g, t => t.Select(d, i)));
    }

    /// <summary>Zeros of <paramref name="dims"/> with <paramref name="g"/> written into the view that
    /// <paramref name="region"/> selects: the backward of a view that picks part of its input.</summary>
    private static Tensor ScatterIntoZeros(int[] dims, Tensor g, Func<Tensor, Tensor> region)
    {
        var z = Tensor.ZerosOf(dims);
        StridedWrite.Assign(region(z), g);
        return z;
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (a view).</summary>
    public static Tensor Unsqueeze(this Tensor x, int dim)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank + 1, nameof(Unsqueeze));
        var dims = new List<int>(x.Dims);
        dims.Insert(d, 1);
        return x.ViewAs(dims.ToArray(), "unsqueeze");
    }

    /// <summary>Removes dimension <paramref name="dim"/> if it has size 1, or all size-1 dimensions when null (a view).</summary>
    public static Tensor Squeeze(this Tensor x, int? dim = null)
    {
        int[] dims;
        if (dim is int requested)
        {
            int d = Shapes.NormalizeDim(requested, x.Rank, nameof(Squeeze));
            if (x.Dims[d] != 1) return x;
            dims = x.Dims.Where((_, k) => k != d).ToArray();
        }
        else dims = x.Dims.Where(s => s != 1).ToArray();
        return x.ViewAs(dims, "squeeze");
    }

    /// <summary>A view with size-1 dimensions added or removed (no other change), keeping strides.</summary>
    private static Tensor ViewAs(this Tensor x, int[] dims, string op)
    {
        var strides = new int[dims.Length];
        int src = 0;
        for (int i = 0; i < dims.Length; i++)
        {
            while (src < x.Rank && x.Dims[src] == 1 && dims[i] != 1) src++;
            if (src < x.Rank && x.Dims[src] == dims[i]) strides[i] = x.Strides[src++];
            else strides[i] = 0;   // an inserted size-1 dimension: its stride is never used
        }
        var y = new Tensor(x.Storage, x.Offset, dims, strides);
        var inputDims = x.Dims;
        return Autograd.Record(op, y, x, g => g.Reshape(inputDims));
    }

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> without copying (stride 0);
    /// −1 keeps a size.</summary>
    public static Tensor Expand(this Tensor x, params int[] shape)
    {
        if (shape.Length < x.Rank) throw new ArgumentException($"Expand: shape {Shapes.Format(shape)} has fewer dimensions than {Shapes.Format(x.Dims)}.");
        var dims = (int[])shape.Clone();
        int lead = dims.Length - x.Rank;
        for (int i = 0; i < dims.Length; i++)
        {
            int d = i - lead;
            if (dims[i] == -1 && d >= 0) dims[i] = x.Dims[d];
            if (dims[i] < 0 || (d >= 0 && x.Dims[d] != 1 && x.Dims[d] != dims[i]))
                throw new ArgumentException($"Expand: cannot expand shape {Shapes.Format(x.Dims)} to {Shapes.Format(shape)}.");
        }
        if (Shapes.Equal(dims, x.Dims)) return x;
        var strides = new int[dims.Length];
        Shapes.BroadcastStrides(x, dims, strides);
        var y = new Tensor(x.Storage, x.Offset, dims, strides);
        var inputDims = x.Dims;
        return Autograd.Record("expand", y, x, g => g.SumTo(inputDims));
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
        return Autograd.Record("clone", y, x, g => g);
    }

    /// <summary>Sums <paramref name="g"/> over the dimensions that broadcasting expanded, giving
    /// shape <paramref name="dims"/>: the backward of every broadcasting op.</summary>
    internal static Tensor SumTo(this Tensor g, int[] dims)
    {
        if (Shapes.Equal(g.Dims, dims)) return g;
        int lead = g.Rank - dims.Length;
        var reduce = new bool[g.Rank];
        for (int i = 0; i < g.Rank; i++)
            reduce[i] = i < lead || (dims[i - lead] == 1 && g.Dims[i] != 1);
        return SumKernel(g, reduce).Reshape(dims);
    }
}
