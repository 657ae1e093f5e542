using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class StepScopeTests
{
    /// <summary>784-100-100-100-10 with batch norm, as bench/WORKLOADS.md's mlp_dsnn.</summary>
    private static Sequential BatchNormMlp(Generator g)
    {
        var net = new Sequential();
        int d = 784;
        foreach (int h in new[] { 100, 100, 100 })
        {
            net.Append(new Linear(d, h, generator: g)).Append(new BatchNorm1d(h)).Append(new ReLU());
            d = h;
        }
        return net.Append(new Linear(d, 10, generator: g));
    }

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
        var model = dropoutNet ? BiasFreeDropoutMlp(new Generator(1)) : BatchNormMlp(new Generator(1));
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
        var model = BatchNormMlp(new Generator(1));
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
            var model = BatchNormMlp(new Generator(3));
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
}
