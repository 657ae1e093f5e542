namespace Microsoft.ML.Neural;

/// <summary>Layer normalisation, batch normalisation and dropout.</summary>
public static partial class TensorOps
{
    /// <summary>Normalises over the last <paramref name="normalizedDims"/> dimensions (biased
    /// variance, as PyTorch), then scales by <paramref name="weight"/> and shifts by
    /// <paramref name="bias"/> (each shaped like those dimensions, or null).</summary>
    public static Tensor LayerNorm(this Tensor x, int normalizedDims = 1, Tensor? weight = null, Tensor? bias = null, float eps = 1e-5f)
    {
        if (normalizedDims < 1 || normalizedDims > x.Rank)
            throw new ArgumentOutOfRangeException(nameof(normalizedDims), $"LayerNorm: cannot normalise {normalizedDims} dimensions of {Shapes.Format(x.Dims)}.");
        var normShape = ShapeCache.Get(x.Dims.AsSpan(x.Rank - normalizedDims));
        int cols = Shapes.Count(normShape), rows = cols == 0 ? 0 : x.Count / cols;
        CheckAffine(weight, normShape, "LayerNorm weight", x);
        CheckAffine(bias, normShape, "LayerNorm bias", x);
        var y = Tensor.Uninitialized(x.Dims);
        var xhat = Tensor.Uninitialized(x.Dims);
        var invStd = Tensor.Uninitialized([rows]);
        NormKernels.LayerNormForward(x.ContiguousData().AsReadOnlySpan(), cols, eps, Values(weight), Values(bias), xhat.AsSpan(), invStd.AsSpan(), y.AsSpan());
        return Autograd.WillRecord(x, weight, bias) ? Autograd.Attach(y, LayerNormNode.Rent(x, weight, bias, xhat, invStd, cols)) : y;
    }

    /// <summary>The backward of <see cref="LayerNorm"/>.</summary>
    private sealed class LayerNormNode : AffineNormNode<LayerNormNode>
    {
        private Tensor? _xhat, _invStd;
        private int _cols;

        public override string Name => "layer_norm";

        /// <param name="invStd">One inverse standard deviation per normalised row of <paramref name="cols"/> elements.</param>
        public static LayerNormNode Rent(Tensor x, Tensor? weight, Tensor? bias, Tensor xhat, Tensor invStd, int cols)
        {
            var node = RentAffine(x, weight, bias);
            (node._xhat, node._invStd, node._cols) = (xhat, invStd, cols);
            return node;
        }

        public override void Run(Tensor g)
        {
            var (x, weight, bias) = (Input(0), Weight, Bias);
            var dx = x.RequiresGrad ? Tensor.Uninitialized(x.Dims) : null;
            var dw = AffineGradTarget(weight);
            var db = AffineGradTarget(bias);
            var scratch = Tensor.Uninitialized([_cols]);
            NormKernels.LayerNormBackward(g.ContiguousData().AsReadOnlySpan(), _xhat!.AsReadOnlySpan(), _invStd!.AsReadOnlySpan(), _cols,
                Values(weight), Span(dx), Span(dw.Target), Span(db.Target), scratch.AsSpan());
            SetAffineGradients(dx, dw, db);
        }

        protected override void ClearSaved() => _xhat = _invStd = null;
    }

    /// <summary>Batch normalisation of [N, C] or [N, C, L] over all but the channel dimension.
    /// In training it uses the batch statistics and updates the running ones in place
    /// (running = (1 − momentum)·running + momentum·batch, with the unbiased variance);
    /// in evaluation it uses the running statistics.</summary>
    public static Tensor BatchNorm(this Tensor x, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum = 0.1f, float eps = 1e-5f) =>
        BatchNormCore(x, runningMean, runningVar, weight, bias, training, momentum, eps, relu: false);

    /// <summary><see cref="BatchNorm"/> followed by a ReLU in one op (see <see cref="LinearRelu"/>).</summary>
    public static Tensor BatchNormRelu(this Tensor x, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum = 0.1f, float eps = 1e-5f) =>
        BatchNormCore(x, runningMean, runningVar, weight, bias, training, momentum, eps, relu: true);

    private static Tensor BatchNormCore(Tensor x, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum, float eps, bool relu)
    {
        if (x.Rank == 3)
        {
            int n = x.Dims[0], ch = x.Dims[1], l = x.Dims[2];
            return BatchNormCore(x.Permute(0, 2, 1).Reshape(n * l, ch), runningMean, runningVar, weight, bias, training, momentum, eps, relu)
                .Reshape(n, l, ch).Permute(0, 2, 1);
        }
        if (x.Rank != 2) throw new ArgumentException($"BatchNorm expects [N, C] or [N, C, L]; got {Shapes.Format(x.Dims)}.");
        int rows = x.Dims[0], c = x.Dims[1];
        var channelShape = ShapeCache.Get([c]);
        CheckBatchNormChannels(runningMean, runningVar, weight, bias, channelShape, x);
        if (training && rows < 2) throw new ArgumentException($"BatchNorm in training needs more than one value per channel; got input {Shapes.Format(x.Dims)}.");
        var xs = x.ContiguousData().AsReadOnlySpan();
        // One block for the per-channel vectors: mean, invstd, variance.
        var stats = Tensor.Uninitialized([3, c]);
        var ss = stats.AsSpan();
        Span<float> mean = ss[..c], invStd = ss.Slice(c, c), variance = ss.Slice(2 * c, c);
        if (training)
        {
            NormKernels.ColumnMoments(xs, rows, mean, variance);
            UpdateRunning(runningMean.AsSpan(), mean, momentum, 1f);
            UpdateRunning(runningVar.AsSpan(), variance, momentum, rows / (rows - 1f));
            InverseStd(variance, eps, invStd);
        }
        else
        {
            runningMean.AsReadOnlySpan().CopyTo(mean);
            InverseStd(runningVar.AsReadOnlySpan(), eps, invStd);
        }
        bool record = Autograd.WillRecord(x, weight, bias);
        var y = Tensor.Uninitialized(x.Dims);
        var xhat = record ? Tensor.Uninitialized(x.Dims) : y;   // without a graph, x̂ is only a step towards y
        NormKernels.BatchNormApply(xs, rows, mean, invStd, Values(weight), Values(bias), xhat.AsSpan(), y.AsSpan());
        if (relu) TensorPrimitives.Max(y.AsSpan(), 0f, y.AsSpan());
        return record ? Autograd.Attach(y, BatchNormNode.Rent(x, weight, bias, xhat, stats, training, relu ? y : null)) : y;
    }

    /// <summary>The backward of <see cref="BatchNorm"/> and <see cref="BatchNormRelu"/> on [N, C].</summary>
    private sealed class BatchNormNode : AffineNormNode<BatchNormNode>
    {
        private Tensor? _xhat, _stats, _reluOutput;
        private bool _training;

        public override string Name => _reluOutput is null ? "batch_norm" : "batch_norm_relu";

        /// <param name="stats">[3, C] per-channel block whose second row is the inverse standard deviation.</param>
        public static BatchNormNode Rent(Tensor x, Tensor? weight, Tensor? bias, Tensor xhat, Tensor stats, bool training, Tensor? reluOutput)
        {
            var node = RentAffine(x, weight, bias);
            (node._xhat, node._stats, node._training, node._reluOutput) = (xhat, stats, training, reluOutput);
            return node;
        }

        public override void Run(Tensor gradOutput)
        {
            var g = _reluOutput is null ? gradOutput : ReluMasked(gradOutput, _reluOutput);
            var (x, weight, bias) = (Input(0), Weight, Bias);
            int rows = x.Dims[0], c = x.Dims[1];
            var dx = x.RequiresGrad ? Tensor.Uninitialized(x.Dims) : null;
            var dw = AffineGradTarget(weight);
            var db = AffineGradTarget(bias);
            Span<float> scratch = c <= 1024 ? stackalloc float[3 * c] : new float[3 * c];
            NormKernels.BatchNormBackward(g.ContiguousData().AsReadOnlySpan(), _xhat!.AsReadOnlySpan(), rows, _stats!.AsReadOnlySpan().Slice(c, c),
                Values(weight), _training, Span(dx), Span(dw.Target), Span(db.Target), scratch);
            SetAffineGradients(dx, dw, db);
        }

        protected override void ClearSaved() => _xhat = _stats = _reluOutput = null;
    }

    /// <summary>A normalisation node whose inputs are x and an optional scale and shift, in that order.</summary>
    private abstract class AffineNormNode<TSelf> : PooledNode<TSelf> where TSelf : AffineNormNode<TSelf>, new()
    {
        private bool _hasWeight;

        protected Tensor? Weight => _hasWeight ? Input(1) : null;

        protected Tensor? Bias => InputCount == (_hasWeight ? 3 : 2) ? Input(InputCount - 1) : null;

        protected static TSelf RentAffine(Tensor x, Tensor? weight, Tensor? bias)
        {
            var node = weight is null ? RentWithInputs(x, bias) : RentWithInputs(x, weight, bias);
            node._hasWeight = weight is not null;
            return node;
        }

        /// <summary>The gradients of x, the scale and the shift, leaving out those written straight into a Grad.</summary>
        protected void SetAffineGradients(Tensor? dx, (Tensor? Target, bool Direct) dw, (Tensor? Target, bool Direct) db)
        {
            var gb = db.Direct ? null : db.Target;
            if (_hasWeight) SetGradients(dx, dw.Direct ? null : dw.Target, gb);
            else SetGradients(dx, gb);
        }
    }

    /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by
    /// 1/(1 − p) in training; the identity otherwise. The mask comes from <paramref name="generator"/>.</summary>
    public static Tensor Dropout(this Tensor x, float p, bool training, Generator generator)
    {
        if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout: p must be in [0, 1].");
        if (!training || p == 0f) return x;
        var mask = Tensor.Uninitialized(x.Dims);
        var ms = mask.AsSpan();
        generator.FillBernoulli(ms, 1f - p);
        if (p < 1f) TensorPrimitives.Multiply(ms, 1f / (1f - p), ms);
        var y = Tensor.Uninitialized(x.Dims);
        TensorPrimitives.Multiply(x.ContiguousData().AsReadOnlySpan(), mask.AsReadOnlySpan(), y.AsSpan());
        return Autograd.RecordSaved("dropout", y, x, mask, static (g, mask) => g.Mul(mask));
    }

    /// <summary>Where the kernels accumulate a scale or shift gradient: the parameter's own Grad when
    /// the engine allows writing it directly (Direct = true), else a zeroed temporary.</summary>
    private static (Tensor? Target, bool Direct) AffineGradTarget(Tensor? parameter)
    {
        if (parameter is not { RequiresGrad: true }) return (null, false);
        var sink = parameter.DirectGradTarget(out bool accumulate);
        if (sink is null) return (Tensor.ZerosOf(parameter.Dims), false);
        return (accumulate ? sink : sink.Fill(0f), true);
    }

    private static void UpdateRunning(Span<float> running, ReadOnlySpan<float> batch, float momentum, float correction)
    {
        for (int i = 0; i < running.Length; i++) running[i] = (1f - momentum) * running[i] + momentum * correction * batch[i];
    }

    private static void InverseStd(ReadOnlySpan<float> variance, float eps, Span<float> invStd)
    {
        for (int i = 0; i < invStd.Length; i++) invStd[i] = 1f / MathF.Sqrt(variance[i] + eps);
    }

    /// <summary>Every per-channel tensor of a batch norm has the channel shape of <paramref name="x"/>.</summary>
    private static void CheckBatchNormChannels(Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias, int[] channelShape, Tensor x)
    {
        CheckAffine(runningMean, channelShape, "BatchNorm running mean", x);
        CheckAffine(runningVar, channelShape, "BatchNorm running variance", x);
        CheckAffine(weight, channelShape, "BatchNorm weight", x);
        CheckAffine(bias, channelShape, "BatchNorm bias", x);
    }

    private static void CheckAffine(Tensor? t, int[] shape, string what, Tensor x)
    {
        if (t is not null && !Shapes.Equal(t.Dims, shape))
            throw new ArgumentException($"{what} has shape {Shapes.Format(t.Dims)} but input {Shapes.Format(x.Dims)} needs {Shapes.Format(shape)}.");
    }

    private static ReadOnlySpan<float> Values(Tensor? t) => t is null ? default : t.ContiguousData().AsReadOnlySpan();

    private static Span<float> Span(Tensor? t) => t is null ? default : t.AsSpan();
}
