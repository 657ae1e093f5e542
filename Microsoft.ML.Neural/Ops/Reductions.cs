namespace Microsoft.ML.Neural;

/// <summary>Sum, mean and max, over everything or along dimensions.</summary>
public static partial class TensorOps
{
    /// <summary>Sum of all elements (a scalar).</summary>
    public static Tensor Sum(this Tensor x) => x.Sum(AllDims(x), keepDim: false);

    public static Tensor Sum(this Tensor x, int dim, bool keepDim = false) => x.Sum([dim], keepDim);

    /// <summary>Sum along <paramref name="dims"/>; with <paramref name="keepDim"/> they stay as size 1.</summary>
    public static Tensor Sum(this Tensor x, int[] dims, bool keepDim = false)
    {
        var reduce = ReduceMask(x, dims, nameof(Sum));
        var kept = SumKernel(x, reduce);
        var y = keepDim ? kept : kept.DropDims(reduce);
        var inputDims = x.Dims;
        var keptDims = kept.Dims;
        return Autograd.Record("sum", y, x, g => g.Reshape(keptDims).Expand(inputDims).Contiguous());
    }

    /// <summary>Mean of all elements (a scalar).</summary>
    public static Tensor Mean(this Tensor x) => x.Mean(AllDims(x), keepDim: false);

    public static Tensor Mean(this Tensor x, int dim, bool keepDim = false) => x.Mean([dim], keepDim);

    public static Tensor Mean(this Tensor x, int[] dims, bool keepDim = false)
    {
        var reduce = ReduceMask(x, dims, nameof(Mean));
        int n = 1;
        for (int i = 0; i < reduce.Length; i++) if (reduce[i]) n *= x.Dims[i];
        return x.Sum(dims, keepDim).Mul(1f / n);
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
        var keptDims = (int[])x.Dims.Clone();
        keptDims[d] = 1;
        var values = Tensor.Uninitialized(keptDims);
        var indices = new int[outer * inner];
        Reduce.Max(xc.AsReadOnlySpan(), outer, r, inner, values.AsSpan(), indices);
        var y = keepDim ? values : new Tensor(values.Storage, DropDim(keptDims, d));
        var inputDims = x.Dims;
        Autograd.Record("max", y, x, g =>
        {
            var gx = Tensor.ZerosOf(inputDims);
            var gs = g.Contiguous().AsReadOnlySpan();
            var dst = gx.AsSpan();
            for (int o = 0; o < outer; o++)
                for (int j = 0; j < inner; j++)
                    dst[(o * r + indices[o * inner + j]) * inner + j] = gs[o * inner + j];
            return gx;
        });
        return (y, indices);
    }

    /// <summary>Index of the maximum along <paramref name="dim"/> for each position of the other dimensions.</summary>
    public static int[] ArgMax(this Tensor x, int dim)
    {
        using var noGrad = Autograd.NoGrad();
        return x.Max(dim).Indices;
    }

    private static int[] AllDims(Tensor x) => Enumerable.Range(0, x.Rank).ToArray();

    private static int[] DropDim(int[] dims, int d) => dims.Where((_, k) => k != d).ToArray();

    private static bool[] ReduceMask(Tensor x, int[] dims, string op)
    {
        var mask = new bool[x.Rank];
        foreach (int dim in dims) mask[Shapes.NormalizeDim(dim, x.Rank, op)] = true;
        return mask;
    }

    /// <summary>A view without the (size-1) dimensions flagged in <paramref name="drop"/>; no autograd.</summary>
    private static Tensor DropDims(this Tensor kept, bool[] drop)
    {
        var dims = kept.Dims.Where((_, k) => !drop[k]).ToArray();
        return new Tensor(kept.Storage, dims, offset: kept.Offset);
    }

    /// <summary>Sums over the flagged dimensions, keeping them as size 1 (no autograd). Adjacent
    /// dimensions with the same flag are merged, so each run costs one pass.</summary>
    internal static Tensor SumKernel(Tensor x, bool[] reduce)
    {
        var keptDims = (int[])x.Dims.Clone();
        for (int i = 0; i < keptDims.Length; i++) if (reduce[i]) keptDims[i] = 1;
        var runs = new List<(int Size, bool Reduce)>();
        for (int i = 0; i < x.Rank; i++)
        {
            if (runs.Count > 0 && runs[^1].Reduce == reduce[i]) runs[^1] = (runs[^1].Size * x.Dims[i], reduce[i]);
            else runs.Add((x.Dims[i], reduce[i]));
        }
        var current = x.ContiguousData();
        var sizes = runs.Select(r => r.Size).ToArray();
        for (int k = runs.Count - 1; k >= 0; k--)
        {
            if (!runs[k].Reduce) continue;
            var (outer, r, inner) = Reduce.Split(sizes, k);
            var next = Tensor.Uninitialized([outer * inner]);
            Reduce.Sum(current.AsReadOnlySpan(), outer, r, inner, next.AsSpan());
            sizes[k] = 1;
            current = next;
        }
        return new Tensor(current.Storage, keptDims, offset: current.Offset);
    }
}
