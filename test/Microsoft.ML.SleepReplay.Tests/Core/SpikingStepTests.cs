namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class SpikingStepTests
{
    // 3-2-1 net: W1 = [[0.5, 0.2, -0.1], [0.1, 0.4, 0.3]], W2 = [[0.6, -0.2]]; α = (2, 1);
    // thresholds 1·β = (1, 0.5); decay 0.5; inc 0.1, dec 0.01, g ≡ 1.
    private static (MlpNetwork Net, SpikingNetwork Spiking) Build()
    {
        var net = TinyNetworks.Create([3, 2, 1], [0.5f, 0.2f, -0.1f, 0.1f, 0.4f, 0.3f], [0.6f, -0.2f]);
        return (net, new SpikingNetwork(net, [2.0, 1.0], TinyNetworks.PlainOptions(1.0, 0.5)));
    }

    [TestMethod]
    public void Step_BelowThreshold_IntegratesScaledCurrentWithoutSpiking()
    {
        var (net, spiking) = Build();
        spiking.Step([0, 2]);
        // sums = (0.5 − 0.1, 0.1 + 0.3) = (0.4, 0.4); v = 2·sums = (0.8, 0.8) < 1.
        CollectionAssert.AreEqual(new[] { 0.8f, 0.8f }, spiking.Membrane(0).ToArray(), new FloatComparer(1e-6f));
        Assert.AreEqual(0, spiking.Spikes(0).Length);
        Assert.AreEqual(0f, spiking.Membrane(1)[0]);
        spiking.CommitWeights();
        CollectionAssert.AreEqual(new[] { 0.5f, 0.2f, -0.1f, 0.1f, 0.4f, 0.3f }, net.Weights[0]);
    }

    [TestMethod]
    public void Step_AboveThreshold_FiresResetsAndAppliesTheRuleToFiredRowsOnly()
    {
        var (net, spiking) = Build();
        spiking.Step([0, 2]);
        spiking.Step([0, 1]);
        // sums = (0.7, 0.5); v = 0.5·0.8 + 2·sums = (1.8, 1.4) ≥ 1 → both fire and reset to 0.
        CollectionAssert.AreEqual(new[] { 0, 1 }, spiking.Spikes(0).ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 0f }, spiking.Membrane(0).ToArray());
        spiking.CommitWeights();
        // Pre 0 and 1 spiked (+0.1), pre 2 did not (−0.01).
        CollectionAssert.AreEqual(new[] { 0.6f, 0.3f, -0.11f, 0.2f, 0.5f, 0.29f }, net.Weights[0], new FloatComparer(1e-6f));
        // Output: sums = 0.6 − 0.2 = 0.4 with this step's hidden spikes; v = 0.4 < 0.5, no spike, W2 unchanged.
        Assert.AreEqual(0.4f, spiking.Membrane(1)[0], 1e-6f);
        CollectionAssert.AreEqual(new[] { 0.6f, -0.2f }, net.Weights[1]);
    }

    [TestMethod]
    public void Step_MembraneExactlyAtThreshold_Fires()
    {
        // α·w = 2·0.5 = 1 = threshold exactly.
        var net = TinyNetworks.Create([1, 1], [0.5f]);
        var spiking = new SpikingNetwork(net, [2.0], TinyNetworks.PlainOptions(1.0));
        spiking.Step([0]);
        Assert.AreEqual(1, spiking.Spikes(0).Length);
        spiking.CommitWeights();
        Assert.AreEqual(0.6f, net.Weights[0][0], 1e-7f);
    }

    [TestMethod]
    public void Step_UpperLayerSeesThisStepsSpikesOfTheLayerBelow()
    {
        // 1-1-1 chain: the input spike makes the hidden unit fire, and in the same step the output
        // unit integrates it (α·w = 1 ≥ 1), fires, and its incoming weight is increased.
        var net = TinyNetworks.Create([1, 1, 1], [1f], [1f]);
        var spiking = new SpikingNetwork(net, [1.0, 1.0], TinyNetworks.PlainOptions(1.0, 1.0));
        spiking.Step([0]);
        Assert.AreEqual(1, spiking.Spikes(1).Length);
        spiking.CommitWeights();
        Assert.AreEqual(1.1f, net.Weights[0][0], 1e-6f);
        Assert.AreEqual(1.1f, net.Weights[1][0], 1e-6f);
    }

    [TestMethod]
    public void Step_MembraneDecaysBetweenSteps()
    {
        var net = TinyNetworks.Create([1, 1], [0.25f]);
        var spiking = new SpikingNetwork(net, [1.0], TinyNetworks.PlainOptions(1.0));
        spiking.Step([0]);
        spiking.Step([]);
        spiking.Step([0]);
        // 0.25 → 0.125 → 0.0625 + 0.25 = 0.3125.
        Assert.AreEqual(0.3125f, spiking.Membrane(0)[0], 1e-7f);
    }

    private sealed class FloatComparer(float tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((float)x! - (float)y!) <= tolerance ? 0 : 1;
    }
}
