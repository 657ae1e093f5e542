namespace Microsoft.ML.Neural;

/// <summary>Losses over [N, C] scores with class-index targets, and mean squared error.</summary>
public static partial class TensorOps
{
    /// <summary>Targets equal to this are skipped by <see cref="CrossEntropy"/> and <see cref="NllLoss"/> by default.</summary>
    public const int DefaultIgnoreIndex = -100;

    /// <summary>Cross-entropy of raw scores <paramref name="logits"/> [N, C] against class indices,
    /// fused with log-softmax: the backward is (softmax − one-hot)·weight, computed in one pass.</summary>
    /// <param name="classWeights">Optional [C] weight per class.</param>
    public static Tensor CrossEntropy(this Tensor logits, int[] targets, Tensor? classWeights = null,
        Reduction reduction = Reduction.Mean, int ignoreIndex = DefaultIgnoreIndex)
    {
        var (n, c) = CheckClassification(logits, targets, classWeights, nameof(CrossEntropy), ignoreIndex);
        var x = logits.ContiguousData().AsReadOnlySpan();
        var probs = Tensor.Uninitialized([n, c]);
        var ps = probs.AsSpan();
        var weights = SampleWeights(targets, classWeights, ignoreIndex);
        var ws = weights.AsReadOnlySpan();
        var perSample = Tensor.Uninitialized([n]);
        var ls = perSample.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var row = x.Slice(i * c, c);
            var p = ps.Slice(i * c, c);
            float lse = SoftmaxKernel.LogSumExp(row, p);
            TensorPrimitives.Subtract(row, lse, p);
            ls[i] = ws[i] == 0f ? 0f : -ws[i] * p[targets[i]];
            TensorPrimitives.Exp(p, p);
        }
        float denominator = 1f;
        var y = reduction == Reduction.None ? perSample : ReducedLoss(perSample, weights, reduction, out denominator);
        return Autograd.WillRecord(logits) ? Autograd.Attach(y, CrossEntropyNode.Rent(logits, probs, weights, targets, reduction, denominator)) : y;
    }

    /// <summary>(softmax − one-hot)·c per row, with c = coefficient·scale: the gradient of cross-entropy.</summary>
    private static Tensor CrossEntropyGradient(Tensor probs, int[] targets, ReadOnlySpan<float> coefficients, float scale)
    {
        int n = probs.Dims[0], c = probs.Dims[1];
        var gx = Tensor.Uninitialized(probs.Dims);
        var gs = gx.AsSpan();
        var pr = probs.AsReadOnlySpan();
        for (int i = 0; i < n; i++)
        {
            float ci = coefficients[i] * scale;
            var row = gs.Slice(i * c, c);
            TensorPrimitives.Multiply(pr.Slice(i * c, c), ci, row);
            if (ci != 0f) row[targets[i]] -= ci;
        }
        return gx;
    }

    /// <summary>The backward of <see cref="CrossEntropy"/>.</summary>
    private sealed class CrossEntropyNode : PooledNode<CrossEntropyNode>
    {
        private Tensor? _probs, _weights;
        private int[]? _targets;
        private Reduction _reduction;
        private float _denominator;

        public override string Name => "cross_entropy";

        /// <param name="denominator">What a mean or sum divided the summed losses by.</param>
        public static CrossEntropyNode Rent(Tensor logits, Tensor probs, Tensor weights, int[] targets, Reduction reduction, float denominator)
        {
            var node = RentWithInputs(logits);
            (node._probs, node._weights, node._targets, node._reduction, node._denominator) = (probs, weights, targets, reduction, denominator);
            return node;
        }

        public override void Run(Tensor gradOutput) => SetGradients(_reduction == Reduction.None
            ? CrossEntropyGradient(_probs!, _targets!, gradOutput.Mul(_weights!).AsReadOnlySpan(), 1f)
            : CrossEntropyGradient(_probs!, _targets!, _weights!.AsReadOnlySpan(), gradOutput.Item() / _denominator));

        protected override void ClearSaved()
        {
            _probs = _weights = null;
            _targets = null;
        }
    }

    /// <summary>Negative log-likelihood of log-probabilities <paramref name="logProbs"/> [N, C].</summary>
    public static Tensor NllLoss(this Tensor logProbs, int[] targets, Tensor? classWeights = null,
        Reduction reduction = Reduction.Mean, int ignoreIndex = DefaultIgnoreIndex)
    {
        var (n, c) = CheckClassification(logProbs, targets, classWeights, nameof(NllLoss), ignoreIndex);
        var x = logProbs.ContiguousData().AsReadOnlySpan();
        var weights = SampleWeights(targets, classWeights, ignoreIndex);
        var ws = weights.AsReadOnlySpan();
        var perSample = Tensor.Uninitialized([n]);
        var ls = perSample.AsSpan();
        for (int i = 0; i < n; i++) ls[i] = ws[i] == 0f ? 0f : -ws[i] * x[i * c + targets[i]];
        float denominator = 1f;
        var y = reduction == Reduction.None ? perSample : ReducedLoss(perSample, weights, reduction, out denominator);
        return Autograd.WillRecord(logProbs) ? Autograd.Attach(y, NllLossNode.Rent(logProbs, weights, targets, reduction, denominator)) : y;
    }

    /// <summary>The backward of <see cref="NllLoss"/>: minus each sample's coefficient (its weight times the
    /// gradient reaching its loss) at its target, zeros elsewhere.</summary>
    private sealed class NllLossNode : PooledNode<NllLossNode>
    {
        private Tensor? _weights;
        private int[]? _targets;
        private Reduction _reduction;
        private float _denominator;

        public override string Name => "nll_loss";

        /// <param name="denominator">What a mean or sum divided the summed losses by.</param>
        public static NllLossNode Rent(Tensor logProbs, Tensor weights, int[] targets, Reduction reduction, float denominator)
        {
            var node = RentWithInputs(logProbs);
            (node._weights, node._targets, node._reduction, node._denominator) = (weights, targets, reduction, denominator);
            return node;
        }

        public override void Run(Tensor g)
        {
            var (weights, targets) = (_weights!, _targets!);
            var coefficients = _reduction == Reduction.None ? g.Mul(weights) : weights.Mul(g.Item() / _denominator);
            var gx = Tensor.ZerosOf(Input(0).Dims);
            var gs = gx.AsSpan();
            var cs = coefficients.AsReadOnlySpan();
            int c = gx.Dims[1];
            for (int i = 0; i < targets.Length; i++)
                if (cs[i] != 0f) gs[i * c + targets[i]] = -cs[i];
            SetGradients(gx);
        }

        protected override void ClearSaved()
        {
            _weights = null;
            _targets = null;
        }
    }

    /// <summary>Mean (or summed, or per-element) squared difference; shapes must match.</summary>
    public static Tensor MseLoss(this Tensor prediction, Tensor target, Reduction reduction = Reduction.Mean)
    {
        if (!Shapes.Equal(prediction.Dims, target.Dims))
            throw new ArgumentException($"MseLoss: prediction {Shapes.Format(prediction.Dims)} and target {Shapes.Format(target.Dims)} differ in shape.");
        var squared = prediction.Sub(target).Square();
        return reduction switch
        {
            Reduction.None => squared,
            Reduction.Sum => squared.Sum(),
            _ => squared.Mean(),
        };
    }

    private static (int N, int C) CheckClassification(Tensor scores, int[] targets, Tensor? classWeights, string op, int ignoreIndex)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (scores.Rank != 2) throw new ArgumentException($"{op}: scores must be [N, C]; got {Shapes.Format(scores.Dims)}.");
        int n = scores.Dims[0], c = scores.Dims[1];
        if (targets.Length != n) throw new ArgumentException($"{op}: {targets.Length} targets for scores {Shapes.Format(scores.Dims)}.");
        for (int i = 0; i < n; i++)
            if (targets[i] != ignoreIndex && (uint)targets[i] >= (uint)c)
                throw new ArgumentOutOfRangeException(nameof(targets), $"{op}: target {targets[i]} at position {i} is not a class index in [0, {c}).");
        if (classWeights is not null && (classWeights.Rank != 1 || classWeights.Dims[0] != c))
            throw new ArgumentException($"{op}: class weights {Shapes.Format(classWeights.Dims)} do not match {c} classes.");
        return (n, c);
    }

    /// <summary>Per-sample weight: the target's class weight (1 without weights), 0 for ignored samples.</summary>
    private static Tensor SampleWeights(int[] targets, Tensor? classWeights, int ignoreIndex)
    {
        var w = Tensor.Uninitialized([targets.Length]);
        var ws = w.AsSpan();
        var cw = classWeights is null ? default : classWeights.ContiguousData().AsReadOnlySpan();
        for (int i = 0; i < targets.Length; i++)
            ws[i] = targets[i] == ignoreIndex ? 0f : classWeights is null ? 1f : cw[targets[i]];
        return w;
    }

    /// <summary>The summed per-sample losses, divided by the summed weights for a mean.</summary>
    private static Tensor ReducedLoss(Tensor perSample, Tensor weights, Reduction reduction, out float denominator)
    {
        float total = TensorPrimitives.Sum(perSample.AsReadOnlySpan());
        denominator = reduction == Reduction.Mean ? TensorPrimitives.Sum(weights.AsReadOnlySpan()) : 1f;
        return Tensor.Scalar(total / denominator);
    }
}
