namespace Microsoft.ML.Neural.Kernels;

/// <summary>Scalar tile helpers shared by the micro-kernels and the GEMM driver.</summary>
internal static unsafe class GemmTile
{
    /// <summary>dst = src (beta = 0, dst not read, so NaNs in it do not leak) or
    /// dst = fma(beta, dst, src): the same rounding as the vector kernels' store.</summary>
    public static void Combine(float* src, int lds, float* dst, int ldd, int rows, int cols, float beta)
    {
        for (int i = 0; i < rows; i++, src += lds, dst += ldd)
        {
            if (beta == 0f)
                new ReadOnlySpan<float>(src, cols).CopyTo(new Span<float>(dst, cols));
            else
                for (int j = 0; j < cols; j++)
                    dst[j] = MathF.FusedMultiplyAdd(beta, dst[j], src[j]);
        }
    }

    /// <summary>C = beta·C for the k = 0 case (with beta = 0 clearing C without reading it).</summary>
    public static void Scale(float* c, int ldc, int rows, int cols, float beta)
    {
        for (int i = 0; i < rows; i++, c += ldc)
        {
            var row = new Span<float>(c, cols);
            if (beta == 0f) row.Clear();
            else if (beta != 1f) System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
