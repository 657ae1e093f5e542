namespace Microsoft.ML.Neural;

/// <summary>Sum, mean and max, over everything or along dimensions. Masks of reduced dimensions
/// live on the stack, so a reduction allocates nothing beyond its result.</summary>
public static partial class TensorOps
{
    /// <summary>Sum of all elements (a scalar).</summary>
    public static Tensor Sum(this Tensor x)
    {
        Span<bool> reduce = stackalloc bool[x.Rank];
        reduce.Fill(true);
        return x.SumCore(reduce, keepDim: false);
    }

    public static Tensor Sum(this Tensor x, int dim, bool keepDim = false) => x.Sum([dim], keepDim, nameof(Sum));

    /// <summary>Sum along <paramref name="dims"/>; with <paramref name="keepDim"/> they stay as size 1.</summary>
    public static Tensor Sum(this Tensor x, int[] dims, bool keepDim = false) => x.Sum(dims, keepDim, nameof(Sum));

    private static Tensor Sum(this Tensor x, ReadOnlySpan<int> dims, bool keepDim, string op)
    {
        Span<bool> reduce = stackalloc bool[x.Rank];
        ReduceMask(x, dims, op, reduce);
        return x.SumCore(reduce, keepDim);
    }

    private static Tensor SumCore(this Tensor x, ReadOnlySpan<bool> reduce, bool keepDim)
    {
        var kept = SumKernel(x, reduce);
        var y = keepDim ? kept : kept.DropDims(reduce);
        // Backward: the gradient, with the reduced dimensions restored as size 1, broadcast back to the input's shape.
        return Autograd.RecordWithInts("sum", y, x, kept.Dims, static (g, x, keptDims) => g.ReshapeTo(keptDims).BroadcastView(x.Dims).Contiguous());
    }

    /// <summary>Mean of all elements (a scalar).</summary>
    public static Tensor Mean(this Tensor x)
    {
        Span<bool> reduce = stackalloc bool[x.Rank];
        reduce.Fill(true);
        return x.MeanCore(reduce, keepDim: false);
    }

    public static Tensor Mean(this Tensor x, int dim, bool keepDim = false) => x.Mean([dim], keepDim);

    public static Tensor Mean(this Tensor x, int[] dims, bool keepDim = false) => x.Mean((ReadOnlySpan<int>)dims, keepDim);

    private static Tensor Mean(this Tensor x, ReadOnlySpan<int> dims, bool keepDim)
    {
        Span<bool> reduce = stackalloc bool[x.Rank];
        ReduceMask(x, dims, nameof(Mean), reduce);
        return x.MeanCore(reduce, keepDim);
    }

    private static Tensor MeanCore(this Tensor x, ReadOnlySpan<bool> reduce, bool keepDim)
    {
        int n = 1;
        for (int i = 0; i < reduce.Length; i++) if (reduce[i]) n *= x.Dims[i];
        return x.SumCore(reduce, keepDim).Mul(1f / n);
    }

    /// <summary>Maximum of all elements (a scalar); the gradient goes to its first occurrence.</summary>
    public static Tensor Max(this Tensor x) => x.Reshape(-1).Max(0).Values;

    /// <summary>Maximum along <paramref name="dim"/> and the index where each was found
    /// (row-major over the remaining dimensions). The gradient flows to those elements.</summary>
    public static (Tensor Values, int[] Indices) Max(this Tensor x, int dim, bool keepDim = false)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(Max));
        if (x.Dims[d] == 0) throw new ArgumentException($"Max: dimension {d} of shape {Shapes.Format(x.Dims)} is empty.");
        var xc = x.ContiguousData();
        var (outer, r, inner) = Reduce.Split(x.Dims, d);
        Span<int> keptDims = stackalloc int[x.Rank];
        x.Dims.CopyTo(keptDims);
        keptDims[d] = 1;
        var values = Tensor.Uninitialized(keptDims);
        var indices = new int[outer * inner];
        Reduce.Max(xc.AsReadOnlySpan(), outer, r, inner, values.AsSpan(), indices);
        Span<bool> drop = stackalloc bool[x.Rank];
        drop[d] = true;
        var y = keepDim ? values : values.DropDims(drop);
        if (Autograd.WillRecord(x)) Autograd.Attach(y, MaxNode.Rent(x, indices, outer, r, inner));
        return (y, indices);
    }

    /// <summary>The backward of <see cref="Max(Tensor, int, bool)"/>: each gradient goes to the element that was the maximum.</summary>
    private sealed class MaxNode : PooledNode<MaxNode>
    {
        private int[]? _indices;
        private int _outer, _r, _inner;

        public override string Name => "max";

        /// <param name="indices">Position of each maximum along the reduced dimension, [outer·inner].</param>
        public static MaxNode Rent(Tensor x, int[] indices, int outer, int r, int inner)
        {
            var node = RentWithInputs(x);
            (node._indices, node._outer, node._r, node._inner) = (indices, outer, r, inner);
            return node;
        }

        public override void Run(Tensor g)
        {
            var (indices, outer, r, inner) = (_indices!, _outer, _r, _inner);
            var gx = Tensor.ZerosOf(Input(0).Dims);
            var gs = g.Contiguous().AsReadOnlySpan();
            var dst = gx.AsSpan();
            for (int o = 0; o < outer; o++)
                for (int j = 0; j < inner; j++)
                    dst[(o * r + indices[o * inner + j]) * inner + j] = gs[o * inner + j];
            SetGradients(gx);
        }

        protected override void ClearSaved() => _indices = null;
    }

    /// <summary>Index of the maximum along <paramref name="dim"/> for each position of the other dimensions.</summary>
    public static int[] ArgMax(this Tensor x, int dim)
    {
        using var noGrad = Autograd.NoGrad();
        return x.Max(dim).Indices;
    }

    /// <summary>Flags in <paramref name="mask"/> (one per dimension of <paramref name="x"/>) the dimensions to reduce.</summary>
    private static void ReduceMask(Tensor x, ReadOnlySpan<int> dims, string op, Span<bool> mask)
    {
        foreach (int dim in dims) mask[Shapes.NormalizeDim(dim, x.Rank, op)] = true;
    }

    /// <summary>A view without the (size-1) dimensions flagged in <paramref name="drop"/>; no autograd.</summary>
    private static Tensor DropDims(this Tensor kept, ReadOnlySpan<bool> drop)
    {
        Span<int> dims = stackalloc int[kept.Rank];
        int rank = 0;
        for (int k = 0; k < kept.Rank; k++)
            if (!drop[k]) dims[rank++] = kept.Dims[k];
        return Tensor.Create(kept.Storage, kept.Offset, ShapeCache.Get(dims[..rank]));
    }

    /// <summary>Sums over the flagged dimensions, keeping them as size 1 (no autograd). Adjacent
    /// dimensions with the same flag are merged into runs, so each run costs one pass.</summary>
    internal static Tensor SumKernel(Tensor x, ReadOnlySpan<bool> reduce)
    {
        Span<int> keptDims = stackalloc int[x.Rank], sizes = stackalloc int[x.Rank];
        Span<bool> reduceRun = stackalloc bool[x.Rank];
        int runs = 0;
        for (int i = 0; i < x.Rank; i++)
        {
            keptDims[i] = reduce[i] ? 1 : x.Dims[i];
            if (runs > 0 && reduceRun[runs - 1] == reduce[i]) sizes[runs - 1] *= x.Dims[i];
            else
            {
                sizes[runs] = x.Dims[i];
                reduceRun[runs] = reduce[i];
                runs++;
            }
        }
        var current = x.ContiguousData();
        int inner = 1;
        for (int k = runs - 1; k >= 0; k--)
        {
            if (reduceRun[k])
            {
                int outer = 1;
                for (int i = 0; i < k; i++) outer *= sizes[i];
                var next = Tensor.Uninitialized([outer * inner]);
                Reduce.Sum(current.AsReadOnlySpan(), outer, sizes[k], inner, next.AsSpan());
                sizes[k] = 1;
                current = next;
            }
            inner *= sizes[k];
        }
        return Tensor.Create(current.Storage, current.Offset, ShapeCache.Get(keptDims));
    }
}
