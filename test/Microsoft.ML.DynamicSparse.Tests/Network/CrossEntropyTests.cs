using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class CrossEntropyTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(32)]
    [DataRow(100)]
    [DataRow(129)]
    public void LossAndGradient_MatchTheSoftmaxReference(int batch)
    {
        const int classes = 10;
        var random = new Random(batch);
        var logits = Enumerable.Range(0, classes * batch).Select(_ => random.NextSingle() * 20 - 10).ToArray();
        var labels = Enumerable.Range(0, batch).Select(_ => random.Next(classes)).ToArray();
        var gradient = new float[classes * batch];

        double loss = CrossEntropy.LossAndGradient(logits, labels, batch, classes, gradient, out int correct);

        double expectedLoss = 0;
        int expectedCorrect = 0;
        for (int b = 0; b < batch; b++)
        {
            var z = Enumerable.Range(0, classes).Select(c => (double)logits[c * batch + b]).ToArray();
            double logSum = Math.Log(z.Sum(Math.Exp));
            expectedLoss += logSum - z[labels[b]];
            if (Array.IndexOf(z, z.Max()) == labels[b]) expectedCorrect++;
            for (int c = 0; c < classes; c++)
            {
                double expected = (Math.Exp(z[c] - logSum) - (c == labels[b] ? 1 : 0)) / batch;
                Assert.AreEqual(expected, gradient[c * batch + b], 1e-6, $"gradient[{c},{b}]");
            }
        }
        Assert.AreEqual(expectedLoss / batch, loss, 1e-5);
        Assert.AreEqual(expectedCorrect, correct);
    }

    [TestMethod]
    public void LossAndGradient_WithALabelOutsideTheClasses_ThrowsNamingTheSample()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            CrossEntropy.LossAndGradient(new float[6], [1, 3], batch: 2, classes: 3, new float[6], out _));
        StringAssert.Contains(error.Message, "sample 1");
    }
}
