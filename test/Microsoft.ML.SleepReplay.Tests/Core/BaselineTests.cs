using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class BaselineTests
{
    private static MlpNetwork Factorized(float[] v, float[] u) =>
        SetWeights(new MlpNetwork([1, 1, 1], false, 0f, DropoutConvention.Inverted, OutputActivation.Linear, [0]), v, u);

    private static MlpNetwork SetWeights(MlpNetwork net, params float[][] weights)
    {
        for (int l = 0; l < weights.Length; l++) weights[l].CopyTo(net.Weights[l], 0);
        return net;
    }

    [TestMethod]
    public void LinearBottleneck_PassesNegativeValuesThrough()
    {
        // h = V·x = −2 stays −2 (no ReLU); out = U·h = 0.5·(−2) = −1.
        var net = Factorized([-2f], [0.5f]);
        Assert.AreEqual(-1f, net.Score([1f], 1)[0]);
    }

    [TestMethod]
    public void LinearBottleneck_OneSgdStep_BackpropagatesWithoutAReluCut()
    {
        // MSE, lr 0.1, no momentum, x = 1, target 1: out = −1, e = 2, δ_out = −2.
        // U ← 0.5 − 0.1·(δ_out·h) = 0.5 − 0.1·4 = 0.1; δ_h = U·δ_out = −1 (a ReLU would give 0); V ← −2 − 0.1·(−1) = −1.9.
        var net = Factorized([-2f], [0.5f]);
        var options = new MlpTrainingOptions { HiddenLayers = [1], Loss = MlpLoss.MeanSquaredError, LearningRate = 0.1f, Momentum = 0f, Epochs = 1, BatchSize = 1, DropoutRate = 0f };
        new MlpSgdTrainer(options).Train(net, new LabeledSet([1f], [0], 1), new Random(1));
        Assert.AreEqual(-1.9f, net.Weights[0][0], 1e-6f);
        Assert.AreEqual(0.1f, net.Weights[1][0], 1e-6f);
    }

    [TestMethod]
    public void ToDense_MultipliesEachFactorPair()
    {
        // 2 inputs → rank 1 → 2 outputs: V = [1, 2], U = [3; −1]; W = U·V = [[3, 6], [−1, −2]].
        var net = SetWeights(new MlpNetwork([2, 1, 2], false, 0f, DropoutConvention.Inverted, OutputActivation.Linear, [0]), [1f, 2f], [3f, -1f]);
        var dense = LowRankNetworks.ToDense(net);
        CollectionAssert.AreEqual(new[] { 2, 2 }, dense.LayerSizes.ToArray());
        CollectionAssert.AreEqual(new[] { 3f, 6f, -1f, -2f }, dense.Weights[0]);
        Assert.IsFalse(dense.HasLinearLayers);
    }

    [TestMethod]
    public void Create_FactorizesEveryLayerAtTheGivenRank()
    {
        var options = new MlpTrainingOptions { HiddenLayers = [20, 30] };
        var net = LowRankNetworks.Create(options, 16, 4, 3, new Random(1));
        CollectionAssert.AreEqual(new[] { 16, 3, 20, 3, 30, 3, 4 }, net.LayerSizes.ToArray());
        CollectionAssert.AreEqual(new[] { true, false, true, false, true, false }, Enumerable.Range(0, 6).Select(net.IsLinear).ToArray());
        Assert.IsTrue(MatrixAnalysis.StableRank(LowRankNetworks.ToDense(net).Weights[0], 20, 16) <= 3 + 1e-6, "a product of rank-3 factors has stable rank ≤ 3");
    }

    [TestMethod]
    public void ToDense_OnADenseNetwork_Throws()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => LowRankNetworks.ToDense(TinyNetworks.Create([2, 2], [1f, 0f, 0f, 1f])));
        StringAssert.Contains(ex.Message, "not a factorization");
    }

    [TestMethod]
    public void Predict_WithZeroedScores_LetsTheOtherClassesWin()
    {
        // Identity net, two rows both scoring (−1, −3): argmax is class 0; zeroing class 1 for rows labelled 0 makes class 1 win there.
        var net = TinyNetworks.Create([2, 2], [1f, 0f, 0f, 1f]);
        var data = new LabeledSet([-1f, -3f, -1f, -3f], [0, 1], 2);
        CollectionAssert.AreEqual(new[] { 0, 0 }, Evaluation.Predict(net, data));
        CollectionAssert.AreEqual(new[] { 1, 0 }, Evaluation.Predict(net, data, (label, c) => label == 0 && c == 1));
    }
}
