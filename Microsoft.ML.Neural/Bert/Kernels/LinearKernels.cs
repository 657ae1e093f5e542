namespace Microsoft.ML.Neural.Bert;

/// <summary>A fully connected layer with PyTorch's layout: weight [out, in], y = x·Wᵀ + b, over
/// row-major [rows, in] inputs, as SGEMM calls.</summary>
internal static class LinearKernels
{
    /// <summary>y[rows, out] = x[rows, in]·Wᵀ + b (the bias is written first, then accumulated into).</summary>
    public static void Forward(ReadOnlySpan<float> x, int rows, int inFeatures, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> y)
    {
        int outFeatures = bias.Length;
        for (int r = 0; r < rows; r++) bias.CopyTo(y.Slice(r * outFeatures, outFeatures));
        Gemm.Sgemm(false, true, rows, outFeatures, inFeatures, x, inFeatures, weight, inFeatures, y, outFeatures, beta: 1f);
    }

    /// <summary>Accumulates dW += dyᵀ·x and db += Σ rows of dy, and, when <paramref name="dx"/> is not
    /// empty, writes dx = dy·W (or adds it when <paramref name="accumulateDx"/>).</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, int rows, int inFeatures,
        ReadOnlySpan<float> weight, Span<float> dWeight, Span<float> dBias, Span<float> dx, bool accumulateDx = false)
    {
        int outFeatures = dBias.Length;
        Gemm.Sgemm(true, false, outFeatures, inFeatures, rows, dy, outFeatures, x, inFeatures, dWeight, inFeatures, beta: 1f);
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(dBias, dy.Slice(r * outFeatures, outFeatures), dBias);
        if (!dx.IsEmpty)
            Gemm.Sgemm(false, false, rows, inFeatures, outFeatures, dy, outFeatures, weight, inFeatures, dx, inFeatures, beta: accumulateDx ? 1f : 0f);
    }
}
