namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class WeightRuleTests
{
    // Weights (0, −0.01, 0.01, 1) into one post neuron; pre neurons 0 and 2 spiked; inc 0.1, dec 0.01.
    private static float[] UpdateOneRow(SleepWeightFunction function)
    {
        var synapses = new PlasticSynapses([0f, -0.01f, 0.01f, 1f], 1, 4, 0.1, 0.01, function);
        synapses.InputSums([0, 2], new float[1]);
        synapses.Learn([0]);
        var w = new float[4];
        synapses.CopyTo(w);
        return w;
    }

    [TestMethod]
    public void MatlabRule_ScalesByTwoSigmoidOfMinusThousandW()
    {
        var w = UpdateOneRow(SleepWeightFunction.MatlabSigmoid);
        // g(0) = 1; g(−0.01) = 2σ(10) = 1.9999092; g(0.01) = 2σ(−10) = 9.0795737e-5; g(1) ≈ 0.
        Assert.AreEqual(0.1f, w[0], 1e-7f);
        Assert.AreEqual(-0.01f - 0.01f * 1.9999092f, w[1], 1e-7f);
        Assert.AreEqual(0.01f + 0.1f * 9.0795737e-5f, w[2], 1e-8f);
        Assert.AreEqual(1f, w[3], 1e-7f);
    }

    [TestMethod]
    public void PythonRule_ScalesBySigmoidOfW()
    {
        var w = UpdateOneRow(SleepWeightFunction.PythonSigmoid);
        // σ(0) = 0.5; σ(−0.01) = 0.49750002; σ(0.01) = 0.50249998; σ(1) = 0.73105858.
        Assert.AreEqual(0.05f, w[0], 1e-7f);
        Assert.AreEqual(-0.01f - 0.01f * 0.49750002f, w[1], 1e-7f);
        Assert.AreEqual(0.01f + 0.1f * 0.50249998f, w[2], 1e-7f);
        Assert.AreEqual(1f - 0.01f * 0.73105858f, w[3], 1e-6f);
    }

    [TestMethod]
    public void ConstantRule_AddsIncreaseOrSubtractsDecrease()
    {
        var w = UpdateOneRow(SleepWeightFunction.Constant);
        CollectionAssert.AreEqual(new[] { 0.1f, -0.02f, 0.11f, 0.99f }, w);
    }

    [TestMethod]
    public void Learn_LeavesWeightsIntoSilentNeuronsUnchanged()
    {
        // 2 posts × 3 pres: only post 1 fired, only pre 1 spiked; inc 0.5, dec 0.25.
        var synapses = new PlasticSynapses([1f, 2f, 3f, 4f, 5f, 6f], 2, 3, 0.5, 0.25, SleepWeightFunction.Constant);
        synapses.InputSums([1], new float[2]);
        synapses.Learn([1]);
        var w = new float[6];
        synapses.CopyTo(w);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 3.75f, 5.5f, 5.75f }, w);
    }
}
