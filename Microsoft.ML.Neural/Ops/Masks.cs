namespace Microsoft.ML.Neural;

/// <summary>Masking: fill by mask, top-k selection and k-winners-take-all. Masks are float
/// tensors of 0 and 1 (any non-zero counts as set) that record no gradient.</summary>
public static partial class TensorOps
{
    /// <summary><paramref name="value"/> where <paramref name="mask"/> (broadcast to x) is non-zero, else x.
    /// The gradient flows only through unmasked elements.</summary>
    public static Tensor MaskedFill(this Tensor x, Tensor mask, float value)
    {
        if (!Shapes.Equal(Shapes.Broadcast(x.Dims, mask.Dims, nameof(MaskedFill)), x.Dims))
            throw new ArgumentException($"MaskedFill: mask {Shapes.Format(mask.Dims)} does not broadcast to {Shapes.Format(x.Dims)}.");
        // An unrecorded broadcast view: the mask takes no part in the graph.
        var fullMask = mask.BroadcastView(x.Dims).ContiguousData();
        var y = FillWhere(x, fullMask, value);
        return Autograd.RecordSaved("masked_fill", y, x, fullMask, static (g, fullMask) => FillWhere(g, fullMask, 0f));
    }

    /// <summary>A contiguous copy of <paramref name="x"/> with <paramref name="value"/> wherever the same-shaped mask is non-zero.</summary>
    private static Tensor FillWhere(Tensor x, Tensor mask, float value)
    {
        var y = Tensor.Uninitialized(x.Dims);
        Strided.CopyTo(x, y.AsSpan());
        var ys = y.AsSpan();
        var ms = mask.AsReadOnlySpan();
        for (int i = 0; i < ys.Length; i++) if (ms[i] != 0f) ys[i] = value;
        return y;
    }

    /// <summary>The <paramref name="k"/> largest entries along the last dimension, in index order,
    /// and their positions (row-major, k per row). The gradient flows to those entries.</summary>
    public static (Tensor Values, int[] Indices) TopK(this Tensor x, int k)
    {
        var indices = TopKIndices(x, k);
        return (x.Gather(-1, indices), indices);
    }

    /// <summary>1 at the <paramref name="k"/> largest entries of each row (last dimension), else 0;
    /// ties go to the lower index. No gradient.</summary>
    public static Tensor KWinnersMask(this Tensor x, int k)
    {
        var indices = TopKIndices(x, k);
        var mask = Tensor.ZerosOf(x.Dims);
        var ms = mask.AsSpan();
        int n = x.Dims[^1];
        for (int i = 0; i < indices.Length; i++) ms[i / k * n + indices[i]] = 1f;
        return mask;
    }

    /// <summary>k-winners-take-all: x where it is among the k largest of its row, else 0.</summary>
    public static Tensor KWinners(this Tensor x, int k) => x.Mul(x.KWinnersMask(k));

    private static int[] TopKIndices(Tensor x, int k)
    {
        if (x.Rank == 0) throw new ArgumentException("TopK needs a tensor of rank ≥ 1.");
        int n = x.Dims[^1];
        if (k < 0 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"TopK: k must be in [0, {n}] for shape {Shapes.Format(x.Dims)}.");
        int rows = n == 0 ? 0 : x.Count / n;
        var src = x.ContiguousData().AsReadOnlySpan();
        var indices = new int[rows * k];
        var scratch = new float[n];
        for (int r = 0; r < rows; r++)
            Kernels.TopK.Select(src.Slice(r * n, n), k, scratch, indices.AsSpan(r * k, k));
        return indices;
    }
}
