namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class SleepPhaseTests
{
    private static MlpNetwork RandomNetwork(int seed)
    {
        var net = new MlpNetwork([16, 12, 4], false, 0f, DropoutConvention.Inverted, OutputActivation.Linear);
        var rng = new Random(seed);
        foreach (var w in net.Weights)
            for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 0.4 - 0.1);
        return net;
    }

    private static float[] RandomImages(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count * 16).Select(_ => (float)rng.NextDouble()).ToArray();
    }

    private static SleepOptions Options(int seed = 1) => new()
    {
        Iterations = 200, Beta = [1.0, 1.0], AlphaScale = 4, PatchSize = 2, Seed = seed,
        Increase = 0.01, Decrease = 0.001,
    };

    [TestMethod]
    public void Sleep_WithAllZeroInput_LeavesWeightsUnchanged()
    {
        var net = RandomNetwork(1);
        var before = net.Clone();
        var result = SleepPhase.Run(net, new float[5 * 16], 5, Options());
        Assert.AreEqual(0, result.InputSpikes);
        for (int l = 0; l < net.LayerCount; l++) CollectionAssert.AreEqual(before.Weights[l], net.Weights[l]);
    }

    [TestMethod]
    public void Sleep_WithNoSpikingNeuron_LeavesWeightsUnchanged()
    {
        var net = RandomNetwork(1);
        var before = net.Clone();
        var options = Options();
        options.Beta = [1e9, 1e9];
        var result = SleepPhase.Run(net, RandomImages(5, 2), 5, options);
        Assert.IsTrue(result.InputSpikes > 0);
        Assert.AreEqual(0, result.SpikesPerLayer.Sum());
        for (int l = 0; l < net.LayerCount; l++) CollectionAssert.AreEqual(before.Weights[l], net.Weights[l]);
    }

    [TestMethod]
    public void Sleep_WithTheSameSeed_GivesIdenticalWeights()
    {
        var a = RandomNetwork(1);
        var b = RandomNetwork(1);
        var data = RandomImages(5, 2);
        var ra = SleepPhase.Run(a, data, 5, Options(seed: 7));
        SleepPhase.Run(b, data, 5, Options(seed: 7));
        Assert.IsTrue(ra.SpikesPerLayer[0] > 0, "the test needs hidden spikes to be meaningful");
        for (int l = 0; l < a.LayerCount; l++) CollectionAssert.AreEqual(a.Weights[l], b.Weights[l]);
    }

    [TestMethod]
    public void Sleep_WithAnotherSeed_GivesOtherWeights()
    {
        var a = RandomNetwork(1);
        var b = RandomNetwork(1);
        var data = RandomImages(5, 2);
        SleepPhase.Run(a, data, 5, Options(seed: 7));
        SleepPhase.Run(b, data, 5, Options(seed: 8));
        CollectionAssert.AreNotEqual(a.Weights[0], b.Weights[0]);
    }

    [TestMethod]
    public void Sleep_WhenCancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() =>
            SleepPhase.Run(RandomNetwork(1), RandomImages(5, 2), 5, Options(), cancellationToken: cts.Token));
    }

    [TestMethod]
    public void Sleep_CancelledMidway_LeavesTheNetworkAsItWas()
    {
        var net = RandomNetwork(1);
        var before = net.Clone();
        var options = Options();
        options.Iterations = 600;
        using var cts = new CancellationTokenSource();
        // Progress comes every 250 steps; cancelling at step 250 stops the sleep at step 500, after weights have changed.
        var progress = new CancelAt(250, cts);
        Assert.ThrowsExactly<OperationCanceledException>(() =>
            SleepPhase.Run(net, RandomImages(5, 2), 5, options, progress, cts.Token));
        for (int l = 0; l < net.LayerCount; l++) CollectionAssert.AreEqual(before.Weights[l], net.Weights[l]);
    }

    private sealed class CancelAt(int step, CancellationTokenSource cts) : IProgress<SleepProgress>
    {
        public void Report(SleepProgress value)
        {
            if (value.Step == step) cts.Cancel();
        }
    }

    [TestMethod]
    public void Sleep_AtACheckpoint_HandsOverTheNetworkAShorterSleepLeaves()
    {
        var data = RandomImages(5, 2);
        var options = Options(seed: 7);
        options.Iterations = 300;
        var snapshots = new List<(MlpNetwork Network, SleepResult Result)>();
        var slept = RandomNetwork(1);
        var whole = SleepPhase.Run(slept, data, 5, options, checkpoints: [37, 170], atCheckpoint: (n, r) => snapshots.Add((n, r)));

        Assert.AreEqual(2, snapshots.Count);
        foreach (var (snapshot, result) in snapshots)
        {
            var shorter = RandomNetwork(1);
            var shorterOptions = options.Clone();
            shorterOptions.Iterations = result.Iterations;
            var expected = SleepPhase.Run(shorter, data, 5, shorterOptions);
            Assert.IsTrue(expected.SpikesPerLayer.All(n => n > 0), "every layer must spike for the comparison to mean anything");
            for (int l = 0; l < shorter.LayerCount; l++) CollectionAssert.AreEqual(shorter.Weights[l], snapshot.Weights[l], $"after {result.Iterations} steps, layer {l}");
            CollectionAssert.AreEqual(expected.SpikesPerLayer.ToArray(), result.SpikesPerLayer.ToArray());
            Assert.AreEqual(expected.InputSpikes, result.InputSpikes);
        }
        CollectionAssert.AreEqual(new[] { 37, 170 }, snapshots.Select(s => s.Result.Iterations).ToArray());
        CollectionAssert.AreNotEqual(snapshots[0].Network.Weights[0], snapshots[1].Network.Weights[0]);

        // Handing over snapshots does not change where the sleep ends.
        var plain = RandomNetwork(1);
        var plainResult = SleepPhase.Run(plain, data, 5, options);
        for (int l = 0; l < plain.LayerCount; l++) CollectionAssert.AreEqual(plain.Weights[l], slept.Weights[l]);
        CollectionAssert.AreEqual(plainResult.SpikesPerLayer.ToArray(), whole.SpikesPerLayer.ToArray());
    }

    [TestMethod]
    [DataRow(new[] { 0 })]
    [DataRow(new[] { 200 })]
    [DataRow(new[] { 50, 50 })]
    [DataRow(new[] { 80, 40 })]
    public void Sleep_WithCheckpointsOutOfOrderOrOutsideTheSleep_ThrowsNamingThem(int[] checkpoints)
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() =>
            SleepPhase.Run(RandomNetwork(1), RandomImages(5, 2), 5, Options(), checkpoints: checkpoints, atCheckpoint: (_, _) => { }));
        StringAssert.Contains(ex.Message, $"[{string.Join(", ", checkpoints)}]");
        StringAssert.Contains(ex.Message, "200 steps");
    }

    [TestMethod]
    public void Sleep_WithBetaOfWrongLength_ThrowsNamingBoth()
    {
        var options = Options();
        options.Beta = [1.0];
        var ex = Assert.ThrowsExactly<ArgumentException>(() => SleepPhase.Run(RandomNetwork(1), RandomImages(5, 2), 5, options));
        StringAssert.Contains(ex.Message, "1 value(s)");
        StringAssert.Contains(ex.Message, "2 weight layers");
    }
}
