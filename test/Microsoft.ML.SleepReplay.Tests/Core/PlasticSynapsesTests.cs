namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class PlasticSynapsesTests
{
    // A 4-layer net with random weights, driven for 400 steps by inputs whose rate changes in phases
    // (busy, silent, sparse), so rows stay idle longer than the 128-step history and get swept.
    private static (MlpNetwork Net, int[][] Inputs) Scenario(int[] sizes, int seed, int steps = 400)
    {
        var net = new MlpNetwork(sizes, false, 0f, DropoutConvention.Inverted, OutputActivation.Linear);
        var rng = new Random(seed);
        foreach (var w in net.Weights)
            for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 0.5 - 0.2) * (rng.Next(4) == 0 ? 0.01f : 1f);
        var inputs = new int[steps][];
        for (int t = 0; t < steps; t++)
        {
            double rate = (t / 50) switch { 0 or 4 => 0.4, 1 or 5 => 0.0, _ => 0.05 };
            inputs[t] = Enumerable.Range(0, sizes[0]).Where(_ => rng.NextDouble() < rate).ToArray();
        }
        return (net, inputs);
    }

    private static SleepOptions Options(SleepWeightFunction function) => new()
    {
        Beta = [1.0, 1.5, 1.0],
        Decay = 0.9,
        Threshold = 1.0,
        Increase = 0.03,
        Decrease = 0.004,
        WeightFunction = function,
    };

    [TestMethod]
    [DataRow(SleepWeightFunction.Constant)]
    [DataRow(SleepWeightFunction.PythonSigmoid)]
    [DataRow(SleepWeightFunction.MatlabSigmoid)]
    public void LazyPreMajorSteps_MatchTheEagerReferenceBitForBit(SleepWeightFunction function)
    {
        var (net, inputs) = Scenario([40, 70, 50, 7], seed: 11);
        AssertSameAsEager(net, inputs, [1.0f, 0.6f, 0.8f], Options(function));
    }

    [TestMethod]
    public void LazyPreMajorSteps_OnTheMultiThreadedPath_MatchTheEagerReferenceBitForBit()
    {
        // 300 active inputs × 512 posts is above the single-thread limit, so the posts are split across threads.
        var (net, inputs) = Scenario([700, 512, 9, 5], seed: 5, steps: 160);
        AssertSameAsEager(net, inputs, [0.05f, 0.1f, 0.5f], Options(SleepWeightFunction.MatlabSigmoid));
    }

    private static void AssertSameAsEager(MlpNetwork net, int[][] inputs, float[] alpha, SleepOptions options)
    {
        var eager = new EagerSpikingNetwork(net, alpha, options);
        var lazy = new SpikingNetwork(net, alpha.Select(a => (double)a).ToArray(), options);
        var totals = new int[net.LayerCount];
        for (int t = 0; t < inputs.Length; t++)
        {
            eager.Step(inputs[t]);
            lazy.Step(inputs[t]);
            for (int l = 0; l < net.LayerCount; l++)
            {
                CollectionAssert.AreEqual(eager.Spikes[l].AsSpan(0, eager.SpikeCounts[l]).ToArray(), lazy.Spikes(l).ToArray(), $"spikes, step {t}, layer {l}");
                CollectionAssert.AreEqual(eager.Membranes[l], lazy.Membrane(l).ToArray(), $"membranes, step {t}, layer {l}");
                totals[l] += eager.SpikeCounts[l];
            }
        }
        Assert.IsTrue(totals.All(n => n > 20), $"every layer must fire for the comparison to mean something: [{string.Join(", ", totals)}]");
        var before = net.Clone();
        lazy.CommitWeights();
        for (int l = 0; l < net.LayerCount; l++)
        {
            CollectionAssert.AreNotEqual(before.Weights[l], eager.Weights[l], $"layer {l} weights never changed");
            CollectionAssert.AreEqual(eager.Weights[l], net.Weights[l], $"weights of layer {l}");
        }
    }

    [TestMethod]
    public void IdleRow_GetsOneDecreasePerPostSpike_EvenBeyondTheHistoryWindow()
    {
        // 1 post, 2 pres; pre 0 spikes every step and the post fires every step (the caller says so);
        // pre 1 never spikes, so its weight must drop by dec once per step, 300 times, in float order.
        var synapses = new PlasticSynapses([0.5f, 0.25f], 1, 2, 0.01, 0.001, SleepWeightFunction.Constant);
        var sums = new float[1];
        float expected0 = 0.5f, expected1 = 0.25f;
        for (int t = 0; t < 300; t++)
        {
            synapses.InputSums([0], sums);
            Assert.AreEqual(expected0, sums[0], $"sum at step {t}");
            synapses.Learn([0]);
            expected0 += 0.01f;
            expected1 += -0.001f;
        }
        var weights = new float[2];
        synapses.CopyTo(weights);
        CollectionAssert.AreEqual(new[] { expected0, expected1 }, weights);
    }

    [TestMethod]
    public void InputSums_OnALargeMatrix_MatchTheSumOverActiveColumns()
    {
        const int posts = 7000, pres = 900;
        var rng = new Random(3);
        var w = Enumerable.Range(0, posts * pres).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        int[] active = Enumerable.Range(0, pres).Where(j => j % 3 == 1).ToArray();
        var sums = new float[posts];
        new PlasticSynapses(w, posts, pres, 0.1, 0.01, SleepWeightFunction.Constant).InputSums(active, sums);
        for (int i = 0; i < posts; i++)
        {
            float expected = 0;
            foreach (int j in active) expected += w[i * pres + j];
            Assert.AreEqual(expected, sums[i], $"post {i}");
        }
    }

    [TestMethod]
    public void Learn_WithoutInputSums_Throws()
    {
        var synapses = new PlasticSynapses([1f], 1, 1, 0.1, 0.01, SleepWeightFunction.Constant);
        Assert.ThrowsExactly<InvalidOperationException>(() => synapses.Learn([0]));
    }
}
