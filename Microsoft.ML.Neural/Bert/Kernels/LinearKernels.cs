namespace Microsoft.ML.Neural.Bert;

/// <summary>A fully connected layer with PyTorch's layout: weight [out, in], y = x·Wᵀ + b, over
/// row-major [rows, in] inputs, as SGEMM calls.</summary>
internal static class LinearKernels
{
    /// <summary>y[rows, out] = x[rows, in]·Wᵀ + b (the bias is written first, then accumulated into).</summary>
    public static void Forward(ReadOnlySpan<float> x, int rows, int inFeatures, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> y) =>
        Forward(x, inFeatures, rows, inFeatures, weight, bias, y, bias.Length);

    /// <summary>The same with rows of x every <paramref name="ldx"/> and rows of y every <paramref name="ldy"/>
    /// elements, to read or write a strided subset of a larger matrix's rows or columns.</summary>
    public static void Forward(ReadOnlySpan<float> x, int ldx, int rows, int inFeatures, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> y, int ldy)
    {
        int outFeatures = bias.Length;
        for (int r = 0; r < rows; r++) bias.CopyTo(y.Slice(r * ldy, outFeatures));
        Gemm.Sgemm(false, true, rows, outFeatures, inFeatures, x, ldx, weight, inFeatures, y, ldy, beta: 1f);
    }

    /// <summary>Accumulates dW += dyᵀ·x and db += Σ rows of dy, and, when <paramref name="dx"/> is not
    /// empty, writes dx = dy·W (or adds it when <paramref name="accumulateDx"/>).</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, int rows, int inFeatures,
        ReadOnlySpan<float> weight, Span<float> dWeight, Span<float> dBias, Span<float> dx, bool accumulateDx = false)
    {
        int outFeatures = dBias.Length;
        Gemm.Sgemm(true, false, outFeatures, inFeatures, rows, dy, outFeatures, x, inFeatures, dWeight, inFeatures, beta: 1f);
        ColumnSums.Add(dy, rows, outFeatures, dBias);
        if (!dx.IsEmpty)
            Gemm.Sgemm(false, false, rows, inFeatures, outFeatures, dy, outFeatures, weight, inFeatures, dx, inFeatures, beta: accumulateDx ? 1f : 0f);
    }
}
