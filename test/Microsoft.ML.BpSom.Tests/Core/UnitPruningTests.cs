namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class UnitPruningTests
{
    [TestMethod]
    public void RemoveInput_FoldsMeanTimesWeightIntoTheBias()
    {
        var layer = NetworkBuilder.Layer(2, [0.5f, 2f, -1f]);
        layer.RemoveInput(1, mean: 0.3f);
        Approx.AreEqual([0.2f, 2f], layer.Weights);       // 0.5 + 0.3 · (−1)
        Assert.AreEqual(1, layer.InputCount);
    }

    [TestMethod]
    public void PruneLayer_RemovesANearlyConstantUnitAndKeepsPredictions()
    {
        // 3 inputs → 4 hidden (unit 2 barely depends on the input) → 2 outputs, with a 2×2 SOM on the hidden layer.
        var network = NetworkBuilder.Perceptron(
            NetworkBuilder.Layer(3, [0f, 3f, -3f, 2f], [1f, -2f, 3f, -3f], [1f, 0.001f, -0.001f, 0.001f], [-1f, 3f, 3f, -3f]),
            NetworkBuilder.Layer(4, [0.1f, 1f, -1f, 2f, 0.5f], [-0.2f, -1f, 1f, -2f, 1f]));
        var map = SelfOrganizingMap.CreateRandom(2, 4, 2, GridDistance.Chebyshev, new Random(1));
        var random = new Random(7);
        var inputs = Enumerable.Range(0, 50).Select(_ => new[] { random.NextSingle(), random.NextSingle(), random.NextSingle() }).ToArray();
        var statistics = new ActivationStatistics(4);
        foreach (var x in inputs) { network.Forward(x); statistics.AddToMean(network.Activations(1)); }
        statistics.FinishMean(inputs.Length);
        foreach (var x in inputs) { network.Forward(x); statistics.AddToSpread(network.Activations(1)); }
        statistics.FinishSpread(inputs.Length);
        var before = inputs.Select(x => { network.Forward(x); return network.Activations(2).ToArray(); }).ToArray();

        int pruned = UnitPruning.PruneLayer(network, 1, statistics, map, threshold: 0.02f, skipSlidUnit: false);

        Assert.AreEqual(1, pruned);
        Assert.AreEqual(3, network.Layers[0].UnitCount);
        Assert.AreEqual(3, network.Layers[1].InputCount);
        Assert.AreEqual(3, map.Dimension);
        for (int n = 0; n < inputs.Length; n++)
        {
            network.Forward(inputs[n]);
            for (int j = 0; j < 2; j++) Assert.AreEqual(before[n][j], network.Activations(2)[j], 1e-3f);
        }
    }

    [TestMethod]
    public void PruneLayer_KeepsAtLeastOneUnit()
    {
        var network = NetworkBuilder.Perceptron(NetworkBuilder.Layer(1, [0f, 0f], [0f, 0f], [0f, 0f]), NetworkBuilder.Layer(3, [0f, 1f, 1f, 1f]));
        var statistics = new ActivationStatistics(3);   // every standard deviation is 0
        Assert.AreEqual(2, UnitPruning.PruneLayer(network, 1, statistics, null, 0.02f, skipSlidUnit: false));
        Assert.AreEqual(1, network.Layers[0].UnitCount);
        // The output bias absorbed 0 · w for each pruned unit: the unit's mean here is 0.
        Assert.AreEqual(0f, network.Layers[1].Row(0)[0]);
    }

    [TestMethod]
    public void PruneLayer_InParityMode_SkipsTheUnitThatSlidIntoAPrunedSlot()
    {
        // Units 0 and 1 are constant, unit 2 varies.
        static (MultilayerPerceptron, ActivationStatistics) Setup()
        {
            var network = NetworkBuilder.Perceptron(NetworkBuilder.Layer(1, [0f, 0f], [0f, 0f], [0f, 5f]), NetworkBuilder.Layer(3, [0f, 1f, 1f, 1f]));
            var statistics = new ActivationStatistics(3);
            statistics.StandardDeviation[2] = 0.5f;
            return (network, statistics);
        }
        var (intended, intendedStatistics) = Setup();
        Assert.AreEqual(2, UnitPruning.PruneLayer(intended, 1, intendedStatistics, null, 0.02f, skipSlidUnit: false));

        // After removing unit 0 the scan moves on to slot 1, which now holds the varying unit: old unit 1 waits a round.
        var (parity, parityStatistics) = Setup();
        Assert.AreEqual(1, UnitPruning.PruneLayer(parity, 1, parityStatistics, null, 0.02f, skipSlidUnit: true));
        Assert.AreEqual(2, parity.Layers[0].UnitCount);
    }
}
