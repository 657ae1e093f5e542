namespace Microsoft.ML.Neural;

/// <summary>Inference fusion of a Linear layer followed by an evaluation-mode batch norm (and ReLU).</summary>
public static partial class TensorOps
{
    /// <summary>relu?(batch_norm_eval(x·Wᵀ + b)) for a 2-D <paramref name="x"/> when no graph is recorded: the
    /// normalisation with the running statistics (and the ReLU) runs as one pass over the product while it is in
    /// cache, with the same operations in the same order as <see cref="Linear"/> then <see cref="BatchNorm"/>
    /// (then <see cref="Relu"/>), so the result is the same bit for bit.</summary>
    internal static Tensor LinearBatchNormInference(Tensor x, Tensor weight, Tensor? bias,
        Tensor runningMean, Tensor runningVar, Tensor? scale, Tensor? shift, float eps, bool relu)
    {
        var y = LinearCore(x, weight, bias, relu: false);
        int rows = y.Dims[0], c = y.Dims[1];
        var channelShape = ShapeCache.Get([c]);
        CheckBatchNormChannels(runningMean, runningVar, scale, shift, channelShape, y);
        var invStd = Tensor.Uninitialized(channelShape);
        InverseStd(runningVar.AsReadOnlySpan(), eps, invStd.AsSpan());
        NormKernels.BatchNormInferenceInPlace(y.AsSpan(), rows, runningMean.AsReadOnlySpan(), invStd.AsReadOnlySpan(),
            Values(scale), Values(shift), relu);
        return y;
    }

    /// <summary>Whether <see cref="LinearBatchNormInference"/> may stand in for these layers: evaluation mode,
    /// a matrix input, and nothing that would record a graph.</summary>
    internal static bool CanFuseLinearBatchNorm(Tensor x, Tensor weight, Tensor? bias, Tensor? scale, Tensor? shift) =>
        x.Rank == 2 && !(Autograd.IsGradEnabled && (x.RequiresGrad || weight.RequiresGrad || bias is { RequiresGrad: true }
            || scale is { RequiresGrad: true } || shift is { RequiresGrad: true }));
}
