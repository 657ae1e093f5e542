namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class WeightRuleTests
{
    // Row of weights (0, −0.01, 0.01, 1); pre neurons 0 and 2 spiked; inc 0.1, dec 0.01.
    private static float[] UpdateOneRow(SleepWeightFunction function)
    {
        float[] w = [0f, -0.01f, 0.01f, 1f];
        var delta = new float[4];
        SpikeKernels.BuildDelta(delta, 4, [0, 2], 2, 0.1, 0.01, function);
        SpikeKernels.UpdateRows(w, 4, [0], 1, delta, function);
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
    public void UpdateRows_LeavesRowsOfSilentNeuronsUnchanged()
    {
        float[] w = [1f, 2f, 3f, 4f, 5f, 6f];
        var delta = new float[3];
        SpikeKernels.BuildDelta(delta, 3, [1], 1, 0.5, 0.25, SleepWeightFunction.Constant);
        SpikeKernels.UpdateRows(w, 3, [1], 1, delta, SleepWeightFunction.Constant);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 3.75f, 5.5f, 5.75f }, w);
    }

    [TestMethod]
    [DataRow(3, DisplayName = "dense path: a third of the columns active")]
    [DataRow(40, DisplayName = "gather path: one column in forty active")]
    public void GatherRowSums_OnALargeMatrixMatchesTheSumOverActiveColumns(int every)
    {
        // Large enough to take the multi-threaded path.
        const int rows = 7000, cols = 900;
        var rng = new Random(3);
        var w = Enumerable.Range(0, rows * cols).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        int[] active = Enumerable.Range(0, cols).Where(j => j % every == 1).ToArray();
        var sums = new float[rows];
        SpikeKernels.GatherRowSums(w, rows, cols, active, active.Length, sums);
        for (int i = 0; i < rows; i++)
        {
            double expected = active.Sum(j => (double)w[i * cols + j]);
            Assert.AreEqual(expected, sums[i], 1e-3, $"row {i}");
        }
    }
}
