namespace Microsoft.ML.Neural;

/// <summary>Batch normalisation for [N, C] or [N, C, L] inputs with PyTorch's defaults: learned
/// scale (ones) and shift (zeros), running mean (zeros) and variance (ones) updated with momentum
/// 0.1 in training and used in evaluation.</summary>
public sealed class BatchNorm1d : Module<Tensor, Tensor>, IReluFusable
{
    public BatchNorm1d(int features, float eps = 1e-5f, float momentum = 0.1f, bool affine = true)
    {
        if (features <= 0) throw new ArgumentOutOfRangeException(nameof(features), features, "BatchNorm1d: the number of features must be positive.");
        Features = features;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(features));
            Bias = RegisterParameter("bias", Tensor.Zeros(features));
        }
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(features));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones(features));
        BatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros([]));
    }

    public int Features { get; }

    public float Eps { get; }

    public float Momentum { get; }

    public Tensor? Weight { get; }

    public Tensor? Bias { get; }

    public Tensor RunningMean { get; }

    public Tensor RunningVar { get; }

    /// <summary>Number of training batches seen (a scalar, as PyTorch's num_batches_tracked).</summary>
    public Tensor BatchesTracked { get; }

    public override Tensor Forward(Tensor input)
    {
        Check(input);
        return input.BatchNorm(RunningMean, RunningVar, Weight, Bias, IsTraining, Momentum, Eps);
    }

    Tensor IReluFusable.ForwardRelu(Tensor input)
    {
        Check(input);
        return input.BatchNormRelu(RunningMean, RunningVar, Weight, Bias, IsTraining, Momentum, Eps);
    }

    /// <summary>Validates the input and counts a training batch.</summary>
    private void Check(Tensor input)
    {
        if (input.Rank is < 2 or > 3 || input.Dims[1] != Features)
            throw new ArgumentException($"BatchNorm1d({Features}) expects [N, {Features}] or [N, {Features}, L]; got {Shapes.Format(input.Dims)}.");
        if (IsTraining) BatchesTracked.AsSpan()[0] += 1f;
    }
}
