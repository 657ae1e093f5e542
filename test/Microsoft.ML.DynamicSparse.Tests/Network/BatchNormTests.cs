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

    [TestMethod]
    [DataRow(2)]
    [DataRow(32)]
    [DataRow(100)]
    [DataRow(129)]
    public void ForwardAndBackward_InTraining_MatchTheTextbookFormulas(int batch)
    {
        const int features = 3;
        var random = new Random(batch);
        var norm = new BatchNorm(features);
        for (int f = 0; f < features; f++) { norm.Gamma[f] = 0.5f + f; norm.Beta[f] = f - 1; }
        var x = Enumerable.Range(0, features * batch).Select(_ => random.NextSingle() * 4 - 1).ToArray();
        var dy = Enumerable.Range(0, features * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var y = x.ToArray();
        var dx = dy.ToArray();

        norm.Forward(y, batch, training: true);
        norm.Backward(dx, batch);

        for (int f = 0; f < features; f++)
        {
            var row = x.Skip(f * batch).Take(batch).Select(v => (double)v).ToArray();
            var g = dy.Skip(f * batch).Take(batch).Select(v => (double)v).ToArray();
            double mean = row.Average(), variance = row.Sum(v => (v - mean) * (v - mean)) / batch;
            double inverseStd = 1 / Math.Sqrt(variance + 1e-5);
            var normalized = row.Select(v => (v - mean) * inverseStd).ToArray();
            double sumG = g.Sum(), sumGN = g.Zip(normalized, (a, n) => a * n).Sum();
            Assert.AreEqual(0.1 * mean, norm.RunningMean[f], 1e-5, $"running mean {f}");
            Assert.AreEqual(0.9 + 0.1 * variance * batch / (batch - 1), norm.RunningVariance[f], 1e-5, $"running variance {f}");
            Assert.AreEqual(sumGN, norm.GammaGradients[f], 1e-3, $"dγ {f}");
            Assert.AreEqual(sumG, norm.BetaGradients[f], 1e-4, $"dβ {f}");
            for (int b = 0; b < batch; b++)
            {
                Assert.AreEqual(norm.Gamma[f] * normalized[b] + norm.Beta[f], y[f * batch + b], 1e-4, $"y[{f},{b}]");
                double expected = norm.Gamma[f] * inverseStd / batch * (batch * g[b] - sumG - normalized[b] * sumGN);
                Assert.AreEqual(expected, dx[f * batch + b], 1e-4, $"dx[{f},{b}]");
            }
        }
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Forward_WithRelu_ClampsTheNormalisedOutputAtZero(bool training)
    {
        var random = new Random(2);
        var x = Enumerable.Range(0, 2 * 13).Select(_ => random.NextSingle() * 4 - 2).ToArray();
        var plain = x.ToArray();
        var clamped = x.ToArray();

        new BatchNorm(2).Forward(plain, batch: 13, training);
        new BatchNorm(2).Forward(clamped, batch: 13, training, relu: true);

        CollectionAssert.AreEqual(plain.Select(v => Math.Max(v, 0f)).ToArray(), clamped);
        Assert.IsTrue(plain.Any(v => v < 0), "the case must have negative outputs to clamp");
    }
}
