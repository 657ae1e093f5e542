using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// <remarks>The batch-norm training kernels run their own <see cref="Vector{T}"/> loops over each row: at
    /// C = 100 the fixed cost of a TensorPrimitives call per row and per operation outweighed the arithmetic.</remarks>
    public static void ColumnMoments(ReadOnlySpan<float> x, int rows, Span<float> mean, Span<float> variance)
    {
        int c = mean.Length;
        mean.Clear();
        for (int r = 0; r < rows; r++) AddTo(mean, x.Slice(r * c, c));
        TensorPrimitives.Multiply(mean, 1f / rows, mean);
        variance.Clear();
        for (int r = 0; r < rows; r++) AddSquaredDifference(variance, x.Slice(r * c, c), mean);
        TensorPrimitives.Multiply(variance, 1f / rows, variance);
    }

    /// <summary>x̂ = (x − mean)·invstd and y = x̂·w + b, row by row over [rows, C].</summary>
    public static void BatchNormApply(ReadOnlySpan<float> x, int rows, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> xhat, Span<float> y)
    {
        int c = mean.Length;
        for (int r = 0; r < rows; r++)
            NormalizeRow(x.Slice(r * c, c), mean, invStd, weight, bias, xhat.Slice(r * c, c), y.Slice(r * c, c));
    }

    private static void AddTo(Span<float> sum, ReadOnlySpan<float> row)
    {
        int i = 0;
        for (; i <= sum.Length - Vector<float>.Count; i += Vector<float>.Count)
            (new Vector<float>(sum[i..]) + new Vector<float>(row[i..])).CopyTo(sum[i..]);
        for (; i < sum.Length; i++) sum[i] += row[i];
    }

    /// <summary>sum += (row − mean)², element by element (multiply, then add: not fused).</summary>
    private static void AddSquaredDifference(Span<float> sum, ReadOnlySpan<float> row, ReadOnlySpan<float> mean)
    {
        int i = 0;
        for (; i <= sum.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var d = new Vector<float>(row[i..]) - new Vector<float>(mean[i..]);
            (new Vector<float>(sum[i..]) + d * d).CopyTo(sum[i..]);
        }
        for (; i < sum.Length; i++)
        {
            float d = row[i] - mean[i];
            sum[i] += d * d;
        }
    }

    /// <summary>One row of <see cref="BatchNormApply"/>: the same operations in the same order as
    /// <see cref="BatchNormInferenceInPlace"/>, so the two agree bit for bit.</summary>
    private static void NormalizeRow(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> xhat, Span<float> y)
    {
        bool scaled = !weight.IsEmpty, shifted = !bias.IsEmpty;
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var h = (new Vector<float>(x[i..]) - new Vector<float>(mean[i..])) * new Vector<float>(invStd[i..]);
            h.CopyTo(xhat[i..]);
            if (scaled) h *= new Vector<float>(weight[i..]);
            if (shifted) h += new Vector<float>(bias[i..]);
            h.CopyTo(y[i..]);
        }
        for (; i < x.Length; i++)
        {
            float h = (x[i] - mean[i]) * invStd[i];
            xhat[i] = h;
            if (scaled) h *= weight[i];
            if (shifted) h += bias[i];
            y[i] = h;
        }
    }

    /// <summary>y ← relu?(((y − mean)·invstd)·w + b) in place over [rows, C]: <see cref="BatchNormApply"/> (and a
    /// ReLU) in one pass, each step rounded separately as there; absent w or b are skipped as there.</summary>
    /// <remarks>Vector512, Vector256 then Vector128 lanes cover the first ⌊C/4⌋·4 columns of each row and the rest
    /// run scalar, read through refs rather than span slices (which cost more than the arithmetic at C = 100).
    /// Lane width does not change the result: each element sees the same operations, and Vector.Max matches
    /// MathF.Max (NaN propagates, −0 &lt; +0).</remarks>
    public static void BatchNormInferenceInPlace(Span<float> y, int rows, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu)
    {
        int c = mean.Length;
        bool scaled = !weight.IsEmpty, shifted = !bias.IsEmpty;
        if (y.Length < (long)rows * c || invStd.Length < c || (scaled && weight.Length < c) || (shifted && bias.Length < c))
            throw new ArgumentException("Batch norm: a span is shorter than its shape needs.");
        ref float m0 = ref MemoryMarshal.GetReference(mean);
        ref float s0 = ref MemoryMarshal.GetReference(invStd);
        ref float w0 = ref MemoryMarshal.GetReference(weight);
        ref float b0 = ref MemoryMarshal.GetReference(bias);
        int vectorEnd = Vector256.IsHardwareAccelerated ? c / 8 * 8 : 0;
        int wide = Vector512.IsHardwareAccelerated ? vectorEnd / 16 * 16 : 0;
        int narrowEnd = Vector128.IsHardwareAccelerated ? c / 4 * 4 : vectorEnd;
        for (int r = 0; r < rows; r++)
        {
            ref float row = ref MemoryMarshal.GetReference(y.Slice(r * c, c));
            int i = 0;
            for (; i < wide; i += 16)
            {
                nuint at = (nuint)i;
                var v = (Vector512.LoadUnsafe(ref row, at) - Vector512.LoadUnsafe(ref m0, at)) * Vector512.LoadUnsafe(ref s0, at);
                if (scaled) v *= Vector512.LoadUnsafe(ref w0, at);
                if (shifted) v += Vector512.LoadUnsafe(ref b0, at);
                if (relu) v = Vector512.Max(v, Vector512<float>.Zero);
                v.StoreUnsafe(ref row, at);
            }
            for (; i < vectorEnd; i += 8)
            {
                nuint at = (nuint)i;
                var v = (Vector256.LoadUnsafe(ref row, at) - Vector256.LoadUnsafe(ref m0, at)) * Vector256.LoadUnsafe(ref s0, at);
                if (scaled) v *= Vector256.LoadUnsafe(ref w0, at);
                if (shifted) v += Vector256.LoadUnsafe(ref b0, at);
                if (relu) v = Vector256.Max(v, Vector256<float>.Zero);
                v.StoreUnsafe(ref row, at);
            }
            for (; i < narrowEnd; i += 4)
            {
                nuint at = (nuint)i;
                var v = (Vector128.LoadUnsafe(ref row, at) - Vector128.LoadUnsafe(ref m0, at)) * Vector128.LoadUnsafe(ref s0, at);
                if (scaled) v *= Vector128.LoadUnsafe(ref w0, at);
                if (shifted) v += Vector128.LoadUnsafe(ref b0, at);
                if (relu) v = Vector128.Max(v, Vector128<float>.Zero);
                v.StoreUnsafe(ref row, at);
            }
            for (; i < c; i++)
            {
                ref float e = ref Unsafe.Add(ref row, i);
                float v = (e - Unsafe.Add(ref m0, i)) * Unsafe.Add(ref s0, i);
                if (scaled) v *= Unsafe.Add(ref w0, i);
                if (shifted) v += Unsafe.Add(ref b0, i);
                e = relu ? MathF.Max(v, 0f) : v;
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
        for (int r = 0; r < rows; r++) AddGradientSums(g.Slice(r * c, c), xhat.Slice(r * c, c), sumG, sumGH);
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
            if (training) InputGradientRow(gr, xhat.Slice(r * c, c), sumG, sumGH, scale, dxr);
            else TensorPrimitives.Multiply(gr, scale, dxr);
        }
    }

    /// <summary>sumG += g and sumGH += g⊙x̂ for one row (multiply, then add).</summary>
    private static void AddGradientSums(ReadOnlySpan<float> g, ReadOnlySpan<float> xhat, Span<float> sumG, Span<float> sumGH)
    {
        int i = 0;
        for (; i <= g.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var gv = new Vector<float>(g[i..]);
            (new Vector<float>(sumG[i..]) + gv).CopyTo(sumG[i..]);
            (new Vector<float>(sumGH[i..]) + gv * new Vector<float>(xhat[i..])).CopyTo(sumGH[i..]);
        }
        for (; i < g.Length; i++)
        {
            sumG[i] += g[i];
            sumGH[i] += g[i] * xhat[i];
        }
    }

    /// <summary>dx = (g − x̂·mean(g⊙x̂) − mean(g))·scale for one row, in that order.</summary>
    private static void InputGradientRow(ReadOnlySpan<float> g, ReadOnlySpan<float> xhat, ReadOnlySpan<float> meanG,
        ReadOnlySpan<float> meanGH, ReadOnlySpan<float> scale, Span<float> dx)
    {
        int i = 0;
        for (; i <= g.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var d = new Vector<float>(g[i..]) - new Vector<float>(xhat[i..]) * new Vector<float>(meanGH[i..]);
            ((d - new Vector<float>(meanG[i..])) * new Vector<float>(scale[i..])).CopyTo(dx[i..]);
        }
        for (; i < g.Length; i++) dx[i] = (g[i] - xhat[i] * meanGH[i] - meanG[i]) * scale[i];
    }
}
