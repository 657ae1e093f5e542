namespace Microsoft.ML.Neural;

/// <summary>Matrix products. Backward passes use transposed views, so no transpose is ever materialised.</summary>
public static partial class TensorOps
{
    /// <summary>Matrix product of the last two dimensions; leading (batch) dimensions broadcast.
    /// Both operands need rank ≥ 2.</summary>
    public static Tensor MatMul(this Tensor a, Tensor b)
    {
        if (a.Rank < 2 || b.Rank < 2)
            throw new ArgumentException($"MatMul needs tensors of rank ≥ 2; got {Shapes.Format(a.Dims)} and {Shapes.Format(b.Dims)}.");
        int k = a.Dims[^1];
        if (b.Dims[^2] != k)
            throw new ArgumentException($"MatMul: inner dimensions differ: {Shapes.Format(a.Dims)} · {Shapes.Format(b.Dims)}.");
        if (b.Rank == 2 && a.Rank > 2)
        {
            // One weight for every batch element: a single tall product.
            var outDims = (int[])a.Dims.Clone();
            outDims[^1] = b.Dims[1];
            return a.Reshape(-1, k).MatMul(b).Reshape(outDims);
        }
        var batch = Shapes.Broadcast(a.Dims[..^2], b.Dims[..^2], "MatMul");
        var y = Tensor.Uninitialized([.. batch, a.Dims[^2], b.Dims[^1]]);
        if (a.Rank == 2 && b.Rank == 2) MatMulKernel.Multiply(a, b, y.AsSpan(), b.Dims[1]);
        else MatMulKernel.MultiplyBatched(a, b, y);
        return Autograd.WillRecord(a, b) ? Autograd.Attach(y, MatMulNode.Rent(a, b)) : y;
    }

    /// <summary>The backward of <see cref="MatMul"/>: g·bᵀ and aᵀ·g, summed over broadcast batch dimensions.</summary>
    private sealed class MatMulNode : PooledNode<MatMulNode>
    {
        public override string Name => "matmul";

        public static MatMulNode Rent(Tensor a, Tensor b) => RentWithInputs(a, b);

        public override void Run(Tensor g)
        {
            var (a, b) = (Input(0), Input(1));
            SetGradients(a.RequiresGrad ? g.MatMul(b.Transpose(-1, -2)).SumTo(a.Dims) : null,
                b.RequiresGrad ? a.Transpose(-1, -2).MatMul(g).SumTo(b.Dims) : null);
        }

        protected override void ClearSaved()
        {
        }
    }

    /// <summary>x · wᵀ + b, PyTorch's linear layer: <paramref name="x"/> [..., in],
    /// <paramref name="weight"/> [out, in], <paramref name="bias"/> [out] or null. The bias is
    /// written first and the product accumulated onto it in one Sgemm call.</summary>
    public static Tensor Linear(this Tensor x, Tensor weight, Tensor? bias = null) => LinearCore(x, weight, bias, relu: false);

    /// <summary>relu(x · wᵀ + b) in one op: the ReLU runs on the product while it is in cache, and
    /// the backward masks the gradient before the Linear backward.</summary>
    public static Tensor LinearRelu(this Tensor x, Tensor weight, Tensor? bias = null) => LinearCore(x, weight, bias, relu: true);

    private static Tensor LinearCore(Tensor x, Tensor weight, Tensor? bias, bool relu)
    {
        if (weight.Rank != 2 || x.Rank < 1 || x.Dims[^1] != weight.Dims[1])
            throw new ArgumentException($"Linear: input {Shapes.Format(x.Dims)} does not match weight {Shapes.Format(weight.Dims)} ([out, in]).");
        int outFeatures = weight.Dims[0];
        if (bias is not null && (bias.Rank != 1 || bias.Dims[0] != outFeatures))
            throw new ArgumentException($"Linear: bias {Shapes.Format(bias.Dims)} does not match weight {Shapes.Format(weight.Dims)}.");
        if (x.Rank != 2)
        {
            var outDims = (int[])x.Dims.Clone();
            outDims[^1] = outFeatures;
            return LinearCore(x.Reshape(-1, x.Dims[^1]), weight, bias, relu).Reshape(outDims);
        }
        int m = x.Dims[0];
        var y = Tensor.Uninitialized([m, outFeatures]);
        var ys = y.AsSpan();
        if (bias is not null)
        {
            var bs = bias.ContiguousData().AsReadOnlySpan();
            for (int i = 0; i < m; i++) bs.CopyTo(ys.Slice(i * outFeatures, outFeatures));
        }
        MatMulKernel.Multiply(x, weight, ys, outFeatures, beta: bias is null ? 0f : 1f, transposeB: true);
        if (relu) TensorPrimitives.Max(ys, 0f, ys);
        return Autograd.WillRecord(x, weight, bias) ? Autograd.Attach(y, LinearNode.Rent(x, weight, bias, relu ? y : null)) : y;
    }

    /// <summary>The backward of <see cref="Linear"/> and <see cref="LinearRelu"/>.</summary>
    private sealed class LinearNode : PooledNode<LinearNode>
    {
        private Tensor? _reluOutput;

        public override string Name => _reluOutput is null ? "linear" : "linear_relu";

        /// <param name="reluOutput">The output of a fused ReLU, whose mask the backward applies first; null without one.</param>
        public static LinearNode Rent(Tensor x, Tensor weight, Tensor? bias, Tensor? reluOutput)
        {
            var node = RentWithInputs(x, weight, bias);
            node._reluOutput = reluOutput;
            return node;
        }

        public override void Run(Tensor gradOutput)
        {
            var g = _reluOutput is null ? gradOutput : ReluMasked(gradOutput, _reluOutput);
            var (x, weight, bias) = (Input(0), Input(1), InputCount == 3 ? Input(2) : null);
            Tensor? gx = null, gw = null, gb = null;
            if (x.RequiresGrad)
            {
                gx = Tensor.Uninitialized(x.Dims);
                MatMulKernel.Multiply(g, weight, gx.AsSpan(), weight.Dims[1]);
            }
            if (weight.RequiresGrad)
            {
                // dW = gᵀ·x, written into W.Grad directly when the engine allows it.
                var sink = weight.DirectGradTarget(out bool accumulate);
                var target = sink ?? Tensor.Uninitialized(weight.Dims);
                MatMulKernel.Multiply(g, x, target.AsSpan(), weight.Dims[1], beta: accumulate ? 1f : 0f, transposeA: true);
                if (sink is null) gw = target;
            }
            if (bias is not null && bias.RequiresGrad)
            {
                var sink = bias.DirectGradTarget(out bool accumulate);
                var sums = accumulate || sink is null ? Tensor.Uninitialized(bias.Dims) : sink;
                Reduce.Sum(g.ContiguousData().AsReadOnlySpan(), 1, g.Dims[0], g.Dims[1], sums.AsSpan());
                if (sink is null) gb = sums;
                else if (accumulate) TensorPrimitives.Add(sink.AsSpan(), sums.AsReadOnlySpan(), sink.AsSpan());
            }
            SetGradients(gx, gw, gb);
        }

        protected override void ClearSaved() => _reluOutput = null;
    }
}
