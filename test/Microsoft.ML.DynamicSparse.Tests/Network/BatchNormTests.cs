using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class BatchNormTests
{
    [TestMethod]
    public void Forward_InTraining_NormalisesByTheBatchAndMovesRunningStatisticsByATenth()
    {
        var norm = new BatchNorm(1);
        float[] x = [1, 3]; // mean 2, biased variance 1, unbiased 2

        norm.Forward(x, batch: 2, training: true);

        float scale = 1 / MathF.Sqrt(1 + 1e-5f);
        Assert.AreEqual(-scale, x[0], 1e-6f);
        Assert.AreEqual(scale, x[1], 1e-6f);
        Assert.AreEqual(0.2f, norm.RunningMean[0], 1e-6f);
        Assert.AreEqual(1.1f, norm.RunningVariance[0], 1e-6f);
    }

    [TestMethod]
    public void Forward_InEvaluation_UsesTheRunningStatistics()
    {
        var norm = new BatchNorm(1);
        norm.RunningMean[0] = 1;
        norm.RunningVariance[0] = 4;
        norm.Gamma[0] = 2;
        norm.Beta[0] = 0.5f;
        float[] x = [5];

        norm.Forward(x, batch: 1, training: false);

        Assert.AreEqual(2 * 4 / MathF.Sqrt(4 + 1e-5f) + 0.5f, x[0], 1e-5f);
    }
}
