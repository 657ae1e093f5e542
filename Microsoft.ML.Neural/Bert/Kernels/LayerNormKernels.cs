namespace Microsoft.ML.Neural.Bert;

/// <summary>Layer normalisation over the last dimension: y = (x − mean) / sqrt(var + eps) · γ + β with
/// the biased variance, as torch.nn.functional.layer_norm.</summary>
internal static class LayerNormKernels
{
    /// <summary>Normalises each row of <paramref name="x"/> into <paramref name="y"/>. When training,
    /// <paramref name="xHat"/> receives the normalised rows and <paramref name="rstd"/> 1/sqrt(var + eps)
    /// for the backward pass; pass empty spans for inference.</summary>
    public static void Forward(ReadOnlySpan<float> x, int rows, int width, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        float eps, Span<float> y, Span<float> xHat, Span<float> rstd)
    {
        unsafe
        {
            fixed (float* px = x, pg = gamma, pb = beta, py = y, ph = xHat, pr = rstd)
            {
                var (xp, gp, bp, yp, hp, rp) = ((nint)px, (nint)pg, (nint)pb, (nint)py, (nint)ph, (nint)pr);
                bool keep = !xHat.IsEmpty;
                RowParallel.For(rows, 8L * width, (start, end) =>
                {
                    var g = new ReadOnlySpan<float>((float*)gp, width);
                    var b = new ReadOnlySpan<float>((float*)bp, width);
                    for (int r = start; r < end; r++)
                    {
                        var row = new ReadOnlySpan<float>((float*)xp + (long)r * width, width);
                        var outRow = new Span<float>((float*)yp + (long)r * width, width);
                        var hat = keep ? new Span<float>((float*)hp + (long)r * width, width) : outRow;
                        float mean = TensorPrimitives.Sum(row) / width;
                        TensorPrimitives.Subtract(row, mean, hat);
                        float inv = 1f / MathF.Sqrt(TensorPrimitives.Dot(hat, hat) / width + eps);
                        TensorPrimitives.Multiply(hat, inv, hat);
                        TensorPrimitives.FusedMultiplyAdd(hat, g, b, outRow);
                        if (keep) ((float*)rp)[r] = inv;
                    }
                });
            }
        }
    }

    /// <summary>From dy, writes dx = rstd·(dy·γ − mean(dy·γ) − x̂·mean(dy·γ·x̂)) and accumulates
    /// dγ += Σ dy·x̂ and dβ += Σ dy over rows.</summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, ReadOnlySpan<float> rstd, int rows, int width,
        ReadOnlySpan<float> gamma, Span<float> dGamma, Span<float> dBeta, Span<float> dx)
    {
        ColumnSums.AddProducts(dy, xHat, rows, width, dGamma);
        ColumnSums.Add(dy, rows, width, dBeta);
        unsafe
        {
            fixed (float* pdy = dy, ph = xHat, pr = rstd, pg = gamma, pdx = dx)
            {
                var (dyp, hp, rp, gp, dxp) = ((nint)pdy, (nint)ph, (nint)pr, (nint)pg, (nint)pdx);
                RowParallel.For(rows, 8L * width, (start, end) =>
                {
                    var g = new ReadOnlySpan<float>((float*)gp, width);
                    for (int r = start; r < end; r++)
                    {
                        var dyRow = new ReadOnlySpan<float>((float*)dyp + (long)r * width, width);
                        var hat = new ReadOnlySpan<float>((float*)hp + (long)r * width, width);
                        var dxRow = new Span<float>((float*)dxp + (long)r * width, width);
                        TensorPrimitives.Multiply(dyRow, g, dxRow);                       // dxRow = dy·γ
                        float meanG = TensorPrimitives.Sum(dxRow) / width;
                        float meanGx = TensorPrimitives.Dot(dxRow, hat) / width;
                        float inv = ((float*)rp)[r];
                        // dx = inv·(g − meanG) − inv·meanGx·x̂
                        TensorPrimitives.Subtract(dxRow, meanG, dxRow);
                        TensorPrimitives.MultiplyAdd(hat, -meanGx, dxRow, dxRow);
                        TensorPrimitives.Multiply(dxRow, inv, dxRow);
                    }
                });
            }
        }
    }
}
