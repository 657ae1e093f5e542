using System.Numerics;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>Layer norm (statistics per row) and batch norm (statistics per column of [rows, C]).
/// Both save x̂ = (x − mean)·invstd and invstd for the backward.</summary>
internal static class NormKernels
{
    public static void LayerNormForward(ReadOnlySpan<float> x, int cols, float eps, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> xhat, Span<float> invStd, Span<float> y)
    {
        int rows = invStd.Length;
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * cols, cols);
            var hr = xhat.Slice(r * cols, cols);
            float mean = TensorPrimitives.Sum(xr) / cols;
            TensorPrimitives.Subtract(xr, mean, hr);
            float variance = TensorPrimitives.SumOfSquares(hr) / cols;
            float inv = 1f / MathF.Sqrt(variance + eps);
            invStd[r] = inv;
            TensorPrimitives.Multiply(hr, inv, hr);
            var yr = y.Slice(r * cols, cols);
            if (weight.IsEmpty) hr.CopyTo(yr); else TensorPrimitives.Multiply(hr, weight, yr);
            if (!bias.IsEmpty) TensorPrimitives.Add(yr, bias, yr);
        }
    }

    /// <summary>dx = invstd·(d − mean(d) − x̂·mean(d⊙x̂)) with d = g⊙w per row; dw += Σ g⊙x̂, db += Σ g.</summary>
    public static void LayerNormBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> xhat, ReadOnlySpan<float> invStd, int cols,
        ReadOnlySpan<float> weight, Span<float> dx, Span<float> dw, Span<float> db, Span<float> scratch)
    {
        int rows = invStd.Length;
        for (int r = 0; r < rows; r++)
        {
            var gr = g.Slice(r * cols, cols);
            var hr = xhat.Slice(r * cols, cols);
            if (!dw.IsEmpty) TensorPrimitives.MultiplyAdd(gr, hr, dw, dw);
            if (!db.IsEmpty) TensorPrimitives.Add(db, gr, db);
            if (dx.IsEmpty) continue;
            var d = scratch.Slice(0, cols);
            if (weight.IsEmpty) gr.CopyTo(d); else TensorPrimitives.Multiply(gr, weight, d);
            float meanD = TensorPrimitives.Sum(d) / cols;
            float meanDH = TensorPrimitives.Dot(d, hr) / cols;
            var dxr = dx.Slice(r * cols, cols);
            TensorPrimitives.MultiplyAdd(hr, -meanDH, d, dxr);      // d − x̂·mean(d⊙x̂)
            TensorPrimitives.Subtract(dxr, meanD, dxr);
            TensorPrimitives.Multiply(dxr, invStd[r], dxr);
        }
    }

    /// <summary>Per-column mean and biased variance of a [rows, C] block.</summary>
    public static void ColumnMoments(ReadOnlySpan<float> x, int rows, Span<float> mean, Span<float> variance, Span<float> scratch)
    {
        int c = mean.Length;
        mean.Clear();
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(mean, x.Slice(r * c, c), mean);
        TensorPrimitives.Multiply(mean, 1f / rows, mean);
        variance.Clear();
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Subtract(x.Slice(r * c, c), mean, scratch);
            TensorPrimitives.MultiplyAdd(scratch, scratch, variance, variance);
        }
        TensorPrimitives.Multiply(variance, 1f / rows, variance);
    }

    /// <summary>x̂ = (x − mean)·invstd and y = x̂·w + b, row by row over [rows, C].</summary>
    public static void BatchNormApply(ReadOnlySpan<float> x, int rows, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> xhat, Span<float> y)
    {
        int c = mean.Length;
        for (int r = 0; r < rows; r++)
        {
            var hr = xhat.Slice(r * c, c);
            var yr = y.Slice(r * c, c);
            TensorPrimitives.Subtract(x.Slice(r * c, c), mean, hr);
            TensorPrimitives.Multiply(hr, invStd, hr);
            if (weight.IsEmpty) hr.CopyTo(yr); else TensorPrimitives.Multiply(hr, weight, yr);
            if (!bias.IsEmpty) TensorPrimitives.Add(yr, bias, yr);
        }
    }

    /// <summary>y ← relu?(((y − mean)·invstd)·w + b) in place over [rows, C]: <see cref="BatchNormApply"/> (and a
    /// ReLU) in one pass, each step rounded separately as there; absent w or b are skipped as there.</summary>
    public static void BatchNormInferenceInPlace(Span<float> y, int rows, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu)
    {
        int c = mean.Length, w = Vector<float>.Count;
        bool scaled = !weight.IsEmpty, shifted = !bias.IsEmpty;
        for (int r = 0; r < rows; r++)
        {
            var row = y.Slice(r * c, c);
            int i = 0;
            for (; i + w <= c; i += w)
            {
                var v = (new Vector<float>(row[i..]) - new Vector<float>(mean[i..])) * new Vector<float>(invStd[i..]);
                if (scaled) v *= new Vector<float>(weight[i..]);
                if (shifted) v += new Vector<float>(bias[i..]);
                if (relu) v = Vector.Max(v, Vector<float>.Zero);
                v.CopyTo(row[i..]);
            }
            for (; i < c; i++)
            {
                float v = (row[i] - mean[i]) * invStd[i];
                if (scaled) v *= weight[i];
                if (shifted) v += bias[i];
                row[i] = relu ? MathF.Max(v, 0f) : v;
            }
        }
    }

    /// <summary>Batch-norm backward over [rows, C]. In training mode the batch statistics depend on x:
    /// dx = invstd·w·(g − mean(g) − x̂·mean(g⊙x̂)); in evaluation mode dx = invstd·w·g.
    /// <paramref name="scratch"/> holds 3·C floats.</summary>
    public static void BatchNormBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> xhat, int rows, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> weight, bool training, Span<float> dx, Span<float> dw, Span<float> db, Span<float> scratch)
    {
        int c = invStd.Length;
        Span<float> sumG = scratch[..c], sumGH = scratch.Slice(c, c), scale = scratch.Slice(2 * c, c);
        sumG.Clear();
        sumGH.Clear();
        for (int r = 0; r < rows; r++)
        {
            var gr = g.Slice(r * c, c);
            TensorPrimitives.Add(sumG, gr, sumG);
            TensorPrimitives.MultiplyAdd(gr, xhat.Slice(r * c, c), sumGH, sumGH);
        }
        if (!dw.IsEmpty) TensorPrimitives.Add(dw, sumGH, dw);
        if (!db.IsEmpty) TensorPrimitives.Add(db, sumG, db);
        if (dx.IsEmpty) return;
        // scale = w·invstd; for training, the per-column terms mean(g) and mean(g⊙x̂).
        if (weight.IsEmpty) invStd.CopyTo(scale); else TensorPrimitives.Multiply(weight, invStd, scale);
        if (training)
        {
            TensorPrimitives.Multiply(sumG, 1f / rows, sumG);
            TensorPrimitives.Multiply(sumGH, 1f / rows, sumGH);
        }
        for (int r = 0; r < rows; r++)
        {
            var dxr = dx.Slice(r * c, c);
            var gr = g.Slice(r * c, c);
            if (training)
            {
                TensorPrimitives.Multiply(xhat.Slice(r * c, c), sumGH, dxr);
                TensorPrimitives.Subtract(gr, dxr, dxr);
                TensorPrimitives.Subtract(dxr, sumG, dxr);
                TensorPrimitives.Multiply(dxr, scale, dxr);
            }
            else TensorPrimitives.Multiply(gr, scale, dxr);
        }
    }
}
