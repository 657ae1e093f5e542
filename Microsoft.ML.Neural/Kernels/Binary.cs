namespace Microsoft.ML.Neural.Kernels;

/// <summary>An element-wise binary function with vectorised forms for span⊗span, span⊗scalar
/// and scalar⊗span runs (static abstract members: calls are resolved at JIT time).</summary>
internal interface IBinaryKernel
{
    static abstract float Apply(float a, float b);
    static abstract void Apply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d);
    static abstract void Apply(ReadOnlySpan<float> a, float b, Span<float> d);
    static abstract void Apply(float a, ReadOnlySpan<float> b, Span<float> d);
}

internal readonly struct AddKernel : IBinaryKernel
{
    public static float Apply(float a, float b) => a + b;
    public static void Apply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Add(a, b, d);
    public static void Apply(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Add(a, b, d);
    public static void Apply(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Add(b, a, d);
}

internal readonly struct SubtractKernel : IBinaryKernel
{
    public static float Apply(float a, float b) => a - b;
    public static void Apply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
    public static void Apply(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
    public static void Apply(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Subtract(a, b, d);
}

internal readonly struct MultiplyKernel : IBinaryKernel
{
    public static float Apply(float a, float b) => a * b;
    public static void Apply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Multiply(a, b, d);
    public static void Apply(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Multiply(a, b, d);
    public static void Apply(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Multiply(b, a, d);
}

internal readonly struct DivideKernel : IBinaryKernel
{
    public static float Apply(float a, float b) => a / b;
    public static void Apply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
    public static void Apply(ReadOnlySpan<float> a, float b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
    public static void Apply(float a, ReadOnlySpan<float> b, Span<float> d) => TensorPrimitives.Divide(a, b, d);
}

internal static class Binary
{
    /// <summary>d = a ⊗ b with broadcasting into the contiguous <paramref name="d"/>, whose shape is
    /// the broadcast shape. <paramref name="d"/> may be <paramref name="a"/> itself (in-place).</summary>
    public static void Run<TK>(Tensor a, Tensor b, Tensor d) where TK : IBinaryKernel
    {
        var dst = d.AsSpan();
        float[] sa = a.Storage, sb = b.Storage;
        if (a.IsContiguous && b.IsContiguous && a.Count == d.Count && b.Count == d.Count)
        {
            TK.Apply(sa.AsSpan(a.Offset, a.Count), sb.AsSpan(b.Offset, b.Count), dst);
            return;
        }
        if (b.Count == 1 && a.IsContiguous && a.Count == d.Count)
        {
            TK.Apply(sa.AsSpan(a.Offset, a.Count), sb[b.Offset], dst);
            return;
        }
        if (a.Count == 1 && b.IsContiguous && b.Count == d.Count)
        {
            TK.Apply(sa[a.Offset], sb.AsSpan(b.Offset, b.Count), dst);
            return;
        }
        var dims = d.Dims;
        int rank = dims.Length;
        Span<int> stridesA = stackalloc int[rank];
        Span<int> stridesB = stackalloc int[rank];
        Shapes.BroadcastStrides(a, dims, stridesA);
        Shapes.BroadcastStrides(b, dims, stridesB);
        int inner = dims[rank - 1];
        int rows = inner == 0 ? 0 : d.Count / inner;
        int ia = stridesA[rank - 1], ib = stridesB[rank - 1];
        Span<int> index = stackalloc int[rank];
        int offA = a.Offset, offB = b.Offset;
        for (int r = 0; r < rows; r++)
        {
            var row = dst.Slice(r * inner, inner);
            if (ia == 1 && ib == 1) TK.Apply(sa.AsSpan(offA, inner), sb.AsSpan(offB, inner), row);
            else if (ia == 1 && ib == 0) TK.Apply(sa.AsSpan(offA, inner), sb[offB], row);
            else if (ia == 0 && ib == 1) TK.Apply(sa[offA], sb.AsSpan(offB, inner), row);
            else
                for (int j = 0; j < inner; j++) row[j] = TK.Apply(sa[offA + j * ia], sb[offB + j * ib]);
            Strided.Advance(index, dims, stridesA, ref offA, stridesB, ref offB, rank - 1);
        }
    }
}
