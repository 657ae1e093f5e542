namespace Microsoft.ML.Neural.Kernels;

/// <summary>Row-wise softmax and log-softmax, stabilised by subtracting each row's maximum.</summary>
internal static class SoftmaxKernel
{
    public static void Softmax(ReadOnlySpan<float> x, Span<float> y, int cols)
    {
        for (int r = 0; r < y.Length / cols; r++)
        {
            var src = x.Slice(r * cols, cols);
            var dst = y.Slice(r * cols, cols);
            TensorPrimitives.Subtract(src, TensorPrimitives.Max(src), dst);
            TensorPrimitives.Exp(dst, dst);
            TensorPrimitives.Multiply(dst, 1f / TensorPrimitives.Sum(dst), dst);
        }
    }

    /// <summary>log Σ exp(row) computed as max + log Σ exp(row − max).</summary>
    public static float LogSumExp(ReadOnlySpan<float> row, Span<float> scratch)
    {
        float max = TensorPrimitives.Max(row);
        if (float.IsNegativeInfinity(max)) return max;
        TensorPrimitives.Subtract(row, max, scratch);
        TensorPrimitives.Exp(scratch, scratch);
        return max + MathF.Log(TensorPrimitives.Sum(scratch));
    }

    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> y, int cols)
    {
        for (int r = 0; r < y.Length / cols; r++)
        {
            var src = x.Slice(r * cols, cols);
            var dst = y.Slice(r * cols, cols);
            float lse = LogSumExp(src, dst);
            TensorPrimitives.Subtract(src, lse, dst);
        }
    }

    /// <summary>gx = y ⊙ (g − ⟨g, y⟩) per row: the softmax Jacobian applied to g.</summary>
    public static void SoftmaxBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> gx, int cols)
    {
        for (int r = 0; r < gx.Length / cols; r++)
        {
            var gr = g.Slice(r * cols, cols);
            var yr = y.Slice(r * cols, cols);
            var dr = gx.Slice(r * cols, cols);
            TensorPrimitives.Subtract(gr, TensorPrimitives.Dot(gr, yr), dr);
            TensorPrimitives.Multiply(dr, yr, dr);
        }
    }

    /// <summary>gx = g − exp(y)·Σg per row, for y = log-softmax(x).</summary>
    public static void LogSoftmaxBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> gx, int cols)
    {
        for (int r = 0; r < gx.Length / cols; r++)
        {
            var gr = g.Slice(r * cols, cols);
            var dr = gx.Slice(r * cols, cols);
            TensorPrimitives.Exp(y.Slice(r * cols, cols), dr);
            TensorPrimitives.MultiplyAdd(dr, -TensorPrimitives.Sum(gr), gr, dr);
        }
    }
}
