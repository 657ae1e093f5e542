using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class ModuleTests
{
    private static Sequential Net(ulong seed) =>
        new(new Linear(4, 3, generator: new Generator(seed)), new BatchNorm1d(3), new ReLU(), new Linear(3, 2, hasBias: false, generator: new Generator(seed + 1)));

    [TestMethod]
    public void NamedParameters_UseDottedPyTorchNames()
    {
        var names = Net(1).NamedParameters().Select(p => p.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "3.weight" }, names);
        var buffers = Net(1).NamedBuffers().Select(b => b.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "1.running_mean", "1.running_var", "1.num_batches_tracked" }, buffers);
    }

    [TestMethod]
    public void Linear_InitialisesWithinPlusMinusOneOverRootFanIn()
    {
        var layer = new Linear(16, 50, generator: new Generator(2));
        var w = layer.Weight.ToArray();
        Assert.IsTrue(w.All(v => Math.Abs(v) <= 0.25f));
        Assert.IsGreaterThan(0.2f, w.Max());
        Assert.IsTrue(layer.Bias!.ToArray().All(v => Math.Abs(v) <= 0.25f));
    }

    [TestMethod]
    public void Train_And_Eval_PropagateToChildren()
    {
        var net = Net(1);
        net.Eval();
        Assert.IsTrue(net.NamedChildren().All(c => !c.Module.IsTraining));
        net.Train();
        Assert.IsTrue(net.NamedChildren().All(c => c.Module.IsTraining));
    }

    [TestMethod]
    public void StateDict_SavedAndLoaded_ReproducesTheOutputsExactly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"module-{Guid.NewGuid():N}.safetensors");
        try
        {
            var source = Net(1);
            source.Forward(GradCheck.Random(3, -1f, 1f, 5, 4));   // moves the running statistics
            source.Eval();
            source.Save(path);
            var target = Net(9);
            target.Load(path);
            target.Eval();
            var x = GradCheck.Random(4, -1f, 1f, 2, 4);
            CollectionAssert.AreEqual(source.Forward(x).ToArray(), target.Forward(x).ToArray());
            CollectionAssert.AreEqual(source.StateDict()["1.running_mean"].ToArray(), target.StateDict()["1.running_mean"].ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void LoadStateDict_WithAWrongShape_ThrowsAndChangesNothing()
    {
        var net = Net(1);
        var before = net.StateDict()["0.weight"].ToArray();
        var state = Net(2).StateDict();
        state["3.weight"] = Tensor.Zeros(5, 5);
        var ex = Assert.ThrowsExactly<ArgumentException>(() => net.LoadStateDict(state));
        StringAssert.Contains(ex.Message, "3.weight");
        CollectionAssert.AreEqual(before, net.StateDict()["0.weight"].ToArray());
    }

    [TestMethod]
    public void LoadStateDict_Strict_ReportsMissingAndUnexpectedKeys()
    {
        var state = Net(2).StateDict();
        state.Remove("0.bias");
        state["extra"] = Tensor.Zeros(1);
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Net(1).LoadStateDict(state));
        StringAssert.Contains(ex.Message, "0.bias");
        StringAssert.Contains(ex.Message, "extra");
        state.Remove("extra");
        Net(1).LoadStateDict(state, strict: false);
    }

    [TestMethod]
    public void BatchNorm1d_Training_NormalisesAndUpdatesRunningStatistics()
    {
        // Column values 1 and 3: mean 2, biased variance 1 → outputs ∓1/√(1 + 1e-5);
        // running mean 0.9·0 + 0.1·2 = 0.2, running variance 0.9·1 + 0.1·2 (unbiased) = 1.1.
        var bn = new BatchNorm1d(1);
        var y = bn.Forward(Tensor.FromArray([1f, 3f], 2, 1)).ToArray();
        float expected = 1f / MathF.Sqrt(1f + 1e-5f);
        Assert.AreEqual(-expected, y[0], 1e-6f);
        Assert.AreEqual(expected, y[1], 1e-6f);
        Assert.AreEqual(0.2f, bn.RunningMean.Item(), 1e-6f);
        Assert.AreEqual(1.1f, bn.RunningVar.Item(), 1e-6f);
        Assert.AreEqual(1f, bn.BatchesTracked.Item());
        bn.Eval();
        Assert.AreEqual((1f - 0.2f) / MathF.Sqrt(1.1f + 1e-5f), bn.Forward(Tensor.FromArray([1f], 1, 1)).Item(), 1e-6f);
    }

    [TestMethod]
    public void BatchNorm_TrainingAndEvaluation_MatchFiniteDifferences()
    {
        GradCheck.Check(t => t[0].BatchNorm(Tensor.Zeros(3), Tensor.Ones(3), t[1], t[2], training: true), GradCheck.Random(1, -1f, 1f, 4, 3), GradCheck.Random(2, 0.5f, 1.5f, 3), GradCheck.Random(3, -1f, 1f, 3));
        GradCheck.Check(t => t[0].BatchNorm(Tensor.Zeros(2), Tensor.Ones(2), null, null, training: true), GradCheck.Random(4, -1f, 1f, 3, 2, 4));
        GradCheck.Check(t => t[0].BatchNorm(Tensor.FromArray([0.1f, -0.2f]), Tensor.FromArray([2f, 0.5f]), t[1], null, training: false), GradCheck.Random(5, -1f, 1f, 3, 2), GradCheck.Random(6, 0.5f, 1.5f, 2));
        // A shift without a scale: the node's second input is then the shift.
        GradCheck.Check(t => t[0].BatchNormRelu(Tensor.Zeros(3), Tensor.Ones(3), null, t[1], training: true), GradCheck.Random(7, -1f, 1f, 4, 3), GradCheck.Random(8, -1f, 1f, 3));
    }

    [TestMethod]
    public void LayerNorm_NormalisesEachRowAndMatchesFiniteDifferences()
    {
        // Row (1, 3): mean 2, variance 1 → (−1, 1)/√(1 + 1e-5).
        var y = new LayerNorm(2).Forward(Tensor.FromArray([1f, 3f], 1, 2)).ToArray();
        Assert.AreEqual(-1f / MathF.Sqrt(1f + 1e-5f), y[0], 1e-6f);
        GradCheck.Check(t => t[0].LayerNorm(1, t[1], t[2]), GradCheck.Random(1, -1f, 1f, 3, 5), GradCheck.Random(2, 0.5f, 1.5f, 5), GradCheck.Random(3, -1f, 1f, 5));
        GradCheck.Check(t => t[0].Transpose(0, 1).LayerNorm(2), GradCheck.Random(4, -1f, 1f, 3, 2, 2));
        GradCheck.Check(t => t[0].LayerNorm(1, bias: t[1]), GradCheck.Random(5, -1f, 1f, 3, 5), GradCheck.Random(6, -1f, 1f, 5));
    }

    [TestMethod]
    public void Dropout_ZeroesAboutPAndScalesTheRest_OnlyInTraining()
    {
        var dropout = new Dropout(0.25f, new Generator(1));
        var y = dropout.Forward(Tensor.Ones(10000)).ToArray();
        Assert.IsTrue(y.All(v => v == 0f || Math.Abs(v - 4f / 3f) < 1e-6f));
        Assert.AreEqual(0.25, y.Count(v => v == 0f) / 10000.0, 0.015);
        dropout.Eval();
        CollectionAssert.AreEqual(new[] { 1f, 1f }, dropout.Forward(Tensor.Ones(2)).ToArray());
        GradCheck.Check(t => t[0].Dropout(0.5f, true, new Generator(3)), GradCheck.Random(1, -1f, 1f, 20));
    }

    [TestMethod]
    public void Embedding_Module_StartsThePaddingRowAtZero()
    {
        var e = new Embedding(5, 3, paddingIndex: 2, generator: new Generator(1));
        CollectionAssert.AreEqual(new[] { 0f, 0f, 0f }, e.Forward([2]).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1, 3 }, e.Forward([1, 4], 2, 1).Shape.ToArray());
    }

    [TestMethod]
    public void Sequential_RejectsDuplicateNames()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => new Sequential(("a", new ReLU()), ("a", new Tanh())));
        StringAssert.Contains(ex.Message, "'a'");
    }
}
