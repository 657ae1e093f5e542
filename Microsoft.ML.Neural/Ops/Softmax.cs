namespace Microsoft.ML.Neural;

/// <summary>Softmax and log-softmax along a dimension (kernels work on the last dimension; any
/// other is moved there by a transposed view). Each backward needs only the output.</summary>
public static partial class TensorOps
{
    public static Tensor Softmax(this Tensor x, int dim = -1)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(Softmax));
        if (d != x.Rank - 1) return x.Transpose(d, -1).Softmax(-1).Transpose(d, -1);
        int cols = x.Dims[^1];
        var y = Tensor.Uninitialized(x.Dims);
        if (cols > 0) SoftmaxKernel.Softmax(x.ContiguousData().AsReadOnlySpan(), y.AsSpan(), cols);
        return Autograd.RecordSaved("softmax", y, x, y, static (g, y) =>
        {
            var gx = Tensor.Uninitialized(y.Dims);
            int cols = y.Dims[^1];
            if (cols > 0) SoftmaxKernel.SoftmaxBackward(g.ContiguousData().AsReadOnlySpan(), y.AsReadOnlySpan(), gx.AsSpan(), cols);
            return gx;
        });
    }

    public static Tensor LogSoftmax(this Tensor x, int dim = -1)
    {
        int d = Shapes.NormalizeDim(dim, x.Rank, nameof(LogSoftmax));
        if (d != x.Rank - 1) return x.Transpose(d, -1).LogSoftmax(-1).Transpose(d, -1);
        int cols = x.Dims[^1];
        var y = Tensor.Uninitialized(x.Dims);
        if (cols > 0) SoftmaxKernel.LogSoftmax(x.ContiguousData().AsReadOnlySpan(), y.AsSpan(), cols);
        return Autograd.RecordSaved("log_softmax", y, x, y, static (g, y) =>
        {
            var gx = Tensor.Uninitialized(y.Dims);
            int cols = y.Dims[^1];
            if (cols > 0) SoftmaxKernel.LogSoftmaxBackward(g.ContiguousData().AsReadOnlySpan(), y.AsReadOnlySpan(), gx.AsSpan(), cols);
            return gx;
        });
    }
}
