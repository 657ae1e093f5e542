using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class StepScopeTests
{
    private static (Tensor X, int[] Labels) Batch(int rows)
    {
        var g = new Generator(7);
        var x = Tensor.Rand(g, rows, 784);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = g.NextInt(10);
        return (x, labels);
    }

    /// <summary>Bytes allocated on this thread by <paramref name="measured"/> steps after warm-up: the least
    /// of three windows, so a one-off allocation by the runtime (a tier-up, a type load) is not counted
    /// while anything a step allocates shows in every window.</summary>
    private static long AllocatedBytes(Action step, int warmUp = 3, int measured = 5)
    {
        for (int i = 0; i < warmUp; i++) step();
        long least = long.MaxValue;
        for (int window = 0; window < 3; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < measured; i++) step();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }

    /// <summary>784-50-50-10 without biases, ReLU and dropout 0.25, as the SRC network (smaller).</summary>
    private static Sequential BiasFreeDropoutMlp(Generator g) => new(
        new Linear(784, 50, hasBias: false, generator: g), new ReLU(), new Dropout(0.25f, g),
        new Linear(50, 50, hasBias: false, generator: g), new ReLU(), new Dropout(0.25f, g),
        new Linear(50, 10, hasBias: false, generator: g));

    [TestMethod]
    [DataRow(false, DisplayName = "Linear + BatchNorm1d + ReLU")]
    [DataRow(true, DisplayName = "bias-free Linear + ReLU + Dropout")]
    public void TrainingStep_InAStepScope_AllocatesNothingAfterWarmUp(bool dropoutNet)
    {
        var model = dropoutNet ? BiasFreeDropoutMlp(new Generator(1)) : MnistMlp.Build(seed: 1);
        var sgd = new Sgd(model.Parameters(), 0.01, momentum: 0.9);
        var (x, labels) = Batch(200);
        int[][] stepLabels = [labels[..100], labels[100..]];
        int next = 0;
        float loss = 0f;
        void Step()
        {
            using var scope = TensorScope.BeginStep();
            var batch = x.Slice(0, next * 100, next * 100 + 100);
            sgd.ZeroGrad();
            var l = model.Forward(batch).CrossEntropy(stepLabels[next]);
            next ^= 1;
            l.Backward();
            sgd.Step();
            loss = l.Item();
        }
        long bytes = AllocatedBytes(Step);
        Assert.AreEqual(0L, bytes, $"{bytes / 5} bytes per step");
        Assert.IsTrue(float.IsFinite(loss));
    }

    [TestMethod]
    public void EvalForward_InAStepScope_AllocatesNothingAfterWarmUp()
    {
        var model = MnistMlp.Build(seed: 1);
        model.Eval();
        var (x, _) = Batch(100);
        void Infer()
        {
            using var scope = TensorScope.BeginStep();
            using var noGrad = Autograd.NoGrad();
            model.Forward(x);
        }
        long bytes = AllocatedBytes(Infer);
        Assert.AreEqual(0L, bytes, $"{bytes / 5} bytes per forward");
    }

    [TestMethod]
    public void StepScopes_TrainToTheSameWeightsAsPlainScopes_BitForBit()
    {
        // Recycled tensors and nodes must carry nothing over: train the same net both ways, with a
        // dropout net in between whose nodes and tensors the batch-norm steps then reuse.
        float[] Train(Func<TensorScope> begin)
        {
            var model = MnistMlp.Build(seed: 3);
            var other = new Sequential(new Linear(784, 50, generator: new Generator(4)), new ReLU(), new Dropout(0.5f, new Generator(5)), new Linear(50, 10, generator: new Generator(6)));
            var sgd = new Sgd(model.Parameters(), 0.05, momentum: 0.9);
            var otherSgd = new Sgd(other.Parameters(), 0.05);
            var (x, labels) = Batch(64);
            for (int step = 0; step < 4; step++)
                foreach (var (net, opt) in new[] { (model, sgd), (other, otherSgd) })
                {
                    using var scope = begin();
                    opt.ZeroGrad();
                    net.Forward(x.Slice(0, step * 8, step * 8 + 32)).CrossEntropy(labels[(step * 8)..(step * 8 + 32)]).Backward();
                    opt.Step();
                }
            return model.Parameters().SelectMany(p => p.ToArray()).ToArray();
        }
        CollectionAssert.AreEqual(Train(TensorScope.Begin), Train(TensorScope.BeginStep));
    }

    [TestMethod]
    public void TheNextStepScope_HandsOutTheSameTensorObjects()
    {
        Tensor a, b;
        using (TensorScope.BeginStep()) a = Tensor.Zeros(3);
        using (TensorScope.BeginStep()) b = Tensor.Zeros(3);
        Assert.AreSame(a, b);
    }

    [TestMethod]
    public void ATensorOfAnEndedStepScope_ThrowsUntilItIsHandedOutAgain()
    {
        Tensor kept;
        using (TensorScope.BeginStep()) kept = Tensor.Ones(3);
        Assert.ThrowsExactly<ObjectDisposedException>(() => kept.ToArray());
    }

    [TestMethod]
    public void DetachedTensors_SurviveAStepScope()
    {
        Tensor kept;
        using (TensorScope.BeginStep()) kept = (Tensor.Ones(3) * 2f).DetachFromScope();
        using (TensorScope.BeginStep()) _ = Tensor.Zeros(3) + 5f;
        CollectionAssert.AreEqual(new[] { 2f, 2f, 2f }, kept.ToArray());
    }

    [TestMethod]
    public void GraphNodes_AreRecycledWithTheirOutputs_AndKeepNoGradients()
    {
        var w = Tensor.Ones(2, 3).RequireGrad();
        for (int i = 0; i < 3; i++)
        {
            using var scope = TensorScope.BeginStep();
            w.Grad = null;
            Tensor.Full(i + 1f, 4, 3).Linear(w).Relu().Sum().Backward();
            CollectionAssert.AreEqual(Enumerable.Repeat(4f * (i + 1), 6).ToArray(), w.Grad!.ToArray());
        }
    }

    /// <summary>Leaves and index arrays made once, outside any scope, for the op-by-op allocation tests.</summary>
    private sealed class OpInputs
    {
        public readonly Tensor X = Tensor.Rand(new Generator(11), 4, 6).Add(0.1f).RequireGrad();
        public readonly Tensor Weight = Tensor.Rand(new Generator(12), 6).RequireGrad();
        public readonly Tensor Bias = Tensor.Rand(new Generator(13), 6).RequireGrad();
        public readonly Tensor Table = Tensor.Rand(new Generator(14), 10, 6).RequireGrad();
        public readonly Tensor Source = Tensor.Rand(new Generator(15), 4, 2).RequireGrad();
        public readonly Tensor Mask = Tensor.FromArray([1f, 0f, 0f, 1f, 0f, 0f], 1, 6);
        public readonly int[] Rows = [2, 0, 2];
        public readonly int[] Ids = [1, 3, 3, 9];
        public readonly int[] Columns = [5, 0, 1, 1, 2, 3, 4, 4];
        public readonly int[] Targets = [0, 5, 2, 3];
        public readonly Tensor[] Pair, Leaves;

        public OpInputs()
        {
            Pair = [X, Weight.Unsqueeze(0).Expand(4, 6)];
            Leaves = [X, Weight, Bias, Table, Source];
        }
    }

    /// <summary>One use of the named op on <see cref="OpInputs"/>.</summary>
    private static Tensor ApplyOp(string op, OpInputs i) => op switch
    {
        "transpose" => i.X.Transpose(0, 1),
        "permute" => i.X.Permute(1, 0),
        "select" => i.X.Select(1, 2),
        "slice" => i.X.Slice(1, 1, 5, 2),
        "unsqueeze" => i.X.Unsqueeze(1),
        "squeeze" => i.X.Unsqueeze(0).Squeeze(),
        "expand" => i.X.Unsqueeze(0).Expand(3, -1, 6),
        "clone" => i.X.Transpose(0, 1).Clone(),
        "flatten" => i.X.Unsqueeze(0).Flatten(),
        "sum" => i.X.Sum(),
        "sum_dim" => i.X.Sum(1, keepDim: true),
        "mean" => i.X.Mean(0),
        "softmax" => i.X.Softmax(),
        "softmax_dim0" => i.X.Softmax(0),
        "log_softmax" => i.X.LogSoftmax(),
        "layer_norm" => i.X.LayerNorm(1, i.Weight, i.Bias),
        "layer_norm_bias_only" => i.X.LayerNorm(1, bias: i.Bias),
        "masked_fill" => i.X.MaskedFill(i.Mask, -1f),
        "index_select" => i.X.IndexSelect(0, i.Rows),
        "embedding" => i.Table.Embedding(i.Ids),
        "gather" => i.X.Gather(1, i.Columns),
        "scatter_add" => i.X.ScatterAdd(1, i.Columns, i.Source),
        "pow" => i.X.Pow(3f),
        "clamp" => i.X.Clamp(0.2f, 0.7f),
        "add_scalar" => i.X.Add(1f),
        "rsub_scalar" => i.X.RSub(1f),
        "neg" => i.X.Neg(),
        "nll_loss_none" => i.X.LogSoftmax().NllLoss(i.Targets, reduction: Reduction.None),
        "nll_loss_mean" => i.X.LogSoftmax().NllLoss(i.Targets),
        "cross_entropy_none" => i.X.CrossEntropy(i.Targets, reduction: Reduction.None),
        "concat" => TensorOps.Concat(i.Pair, 1),
        _ => throw new ArgumentException($"No such op in this test: {op}.", nameof(op)),
    };

    [TestMethod]
    [DataRow("transpose")]
    [DataRow("permute")]
    [DataRow("select")]
    [DataRow("slice")]
    [DataRow("unsqueeze")]
    [DataRow("squeeze")]
    [DataRow("expand")]
    [DataRow("clone")]
    [DataRow("flatten")]
    [DataRow("sum")]
    [DataRow("sum_dim")]
    [DataRow("mean")]
    [DataRow("softmax")]
    [DataRow("softmax_dim0")]
    [DataRow("log_softmax")]
    [DataRow("layer_norm")]
    [DataRow("layer_norm_bias_only")]
    [DataRow("masked_fill")]
    [DataRow("index_select")]
    [DataRow("embedding")]
    [DataRow("gather")]
    [DataRow("scatter_add")]
    [DataRow("pow")]
    [DataRow("clamp")]
    [DataRow("add_scalar")]
    [DataRow("rsub_scalar")]
    [DataRow("neg")]
    [DataRow("nll_loss_none")]
    [DataRow("nll_loss_mean")]
    [DataRow("cross_entropy_none")]
    public void RecordedOp_ForwardAndBackwardInAStepScope_AllocatesNothingAfterWarmUp(string op)
    {
        var inputs = new OpInputs();
        void Step()
        {
            using var scope = TensorScope.BeginStep();
            foreach (var leaf in inputs.Leaves) leaf.Grad = null;
            var y = ApplyOp(op, inputs);
            y.Backward(Tensor.OnesLike(y));
        }
        long bytes = AllocatedBytes(Step);
        Assert.AreEqual(0L, bytes, $"{op}: {bytes / 5} bytes per step");
        Assert.IsTrue(inputs.Leaves.Any(leaf => leaf.Grad is not null), $"{op}: no gradient reached a leaf");
    }

    [TestMethod]
    public void Ops_UnderNoGradInAStepScope_AllocateNothingAfterWarmUp()
    {
        var inputs = new OpInputs();
        string[] ops = ["transpose", "permute", "select", "slice", "unsqueeze", "squeeze", "expand", "clone", "flatten", "sum", "sum_dim",
            "mean", "softmax", "softmax_dim0", "log_softmax", "layer_norm", "masked_fill", "index_select", "embedding", "gather",
            "scatter_add", "pow", "clamp", "add_scalar", "rsub_scalar", "neg", "nll_loss_none", "nll_loss_mean", "cross_entropy_none",
            "concat"];
        foreach (string op in ops)
        {
            void Step()
            {
                using var scope = TensorScope.BeginStep();
                using var noGrad = Autograd.NoGrad();
                ApplyOp(op, inputs);
            }
            long bytes = AllocatedBytes(Step);
            Assert.AreEqual(0L, bytes, $"{op}: {bytes / 5} bytes per call");
        }
    }
}
