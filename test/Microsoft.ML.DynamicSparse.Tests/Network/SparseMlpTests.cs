using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class SparseMlpTests
{
    private static NetworkShape Plain(params int[] sizes) => new(sizes, BatchNorm: false, UseKWinners: false, 0.25, 1.4, 1.5, 1000);

    [TestMethod]
    public void SparseLinearForward_MatchesTheDenseProductOfTheMaskedWeights()
    {
        var layer = SparseLinear.Create(inputs: 5, outputs: 3, onPercent: 0.4, new Random(2));
        var w = layer.DenseWeights();
        const int batch = 11; // not a multiple of the vector width: exercises the scalar tail
        var random = new Random(5);
        var x = Enumerable.Range(0, 5 * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var y = new float[3 * batch];

        layer.Forward(x, batch, y);

        Assert.AreEqual(6, layer.StoredCount); // ⌊0.4·15⌋
        Assert.AreEqual(6, w.Count(v => v != 0));
        for (int i = 0; i < 3; i++)
            for (int b = 0; b < batch; b++)
            {
                float expected = layer.Bias[i];
                for (int j = 0; j < 5; j++) expected += w[i * 5 + j] * x[j * batch + b];
                Assert.AreEqual(expected, y[i * batch + b], 1e-5f);
            }
    }

    [TestMethod]
    public void TrainStep_GradientsMatchFiniteDifferencesOfTheLoss()
    {
        var net = SparseMlp.Create(Plain(4, 6, 3), onPercent: 0.6, new Random(4));
        var random = new Random(8);
        const int batch = 5;
        var x = Enumerable.Range(0, 4 * batch).Select(_ => random.NextSingle()).ToArray();
        int[] labels = [0, 2, 1, 1, 0];
        var layer = net.Layer(0);
        var mask = layer.Mask.ToArray();
        var w = layer.DenseWeights();
        int probe = Array.FindIndex(mask, m => m);
        const float h = 1e-2f;
        double LossWith(float value)
        {
            var changed = w.ToArray();
            changed[probe] = value;
            layer.Restructure(mask, changed);
            return Loss(net, x, labels);
        }
        double numeric = (LossWith(w[probe] + h) - LossWith(w[probe] - h)) / (2 * h);
        layer.Restructure(mask, w);

        // SGD with lr 1, no momentum, no decay: the weight moves by exactly minus its gradient.
        net.TrainStep(x, labels, batch, learningRate: 1, momentum: 0, weightDecay: 0, out _);
        double analytic = w[probe] - layer.DenseWeights()[probe];

        Assert.AreEqual(numeric, analytic, 1e-3 + 0.02 * Math.Abs(numeric));
    }

    [TestMethod]
    public void TrainStep_KeepsWeightsOffTheMaskAtZero()
    {
        var net = SparseMlp.Create(Plain(6, 5, 2), onPercent: 0.3, new Random(1));
        var before = net.GetWeights(0);
        var random = new Random(2);
        var x = Enumerable.Range(0, 6 * 4).Select(_ => random.NextSingle()).ToArray();

        for (int step = 0; step < 3; step++)
            net.TrainStep(x, [0, 1, 1, 0], 4, 0.1f, 0.9f, 1e-4f, out _);

        var after = net.GetWeights(0);
        for (int i = 0; i < before.Length; i++)
            if (before[i] == 0) Assert.AreEqual(0f, after[i], $"weight {i} left the mask");
        Assert.AreEqual(9, net.Connections(0)); // ⌊0.3·30⌋
    }

    [TestMethod]
    public void TrainStep_WithTracking_CountsCoactivationsOfInputAndBlockOutput()
    {
        var net = SparseMlp.Create(Plain(3, 2, 2), onPercent: 1, new Random(1));
        net.TrackCoactivations = true;
        float[] x = [1, 0, 1, /* sample 1 */ 0, 0, 1];

        net.TrainStep(x, [0, 1], 2, 0.1f, 0, 0, out _);

        // Input 1 is never on, so no connection from it counts; input 2 is on in both samples.
        var counts = net.Coactivations(0).Counts;
        for (int i = 0; i < 2; i++)
        {
            Assert.AreEqual(0, counts[i * 3 + 1]);
            Assert.IsTrue(counts[i * 3 + 2] >= counts[i * 3 + 0], "input 2 is on whenever input 0 is");
        }
        net.ResetCoactivations();
        Assert.IsTrue(net.Coactivations(0).Counts.ToArray().All(c => c == 0));
    }

    private static double Loss(SparseMlp net, float[] x, int[] labels)
    {
        var scores = new float[labels.Length * net.ClassCount];
        net.Score(x, labels.Length, scores);
        double loss = 0;
        for (int b = 0; b < labels.Length; b++)
        {
            var row = scores.AsSpan(b * net.ClassCount, net.ClassCount).ToArray();
            double max = row.Max();
            double sum = row.Sum(v => Math.Exp(v - max));
            loss += Math.Log(sum) - (row[labels[b]] - max);
        }
        return loss / labels.Length;
    }

    [TestMethod]
    public void TrainStep_OnTwoThreads_GivesBitIdenticalWeightsAndCounts()
    {
        // The first layer (784×100 at 20%, batch 40) is large enough for its kernels and counts to be split.
        var shape = new NetworkShape([784, 100, 30, 10], BatchNorm: true, UseKWinners: false, 0.25, 1.4, 1.5, 1000);
        var one = SparseMlp.Create(shape, onPercent: 0.2, new Random(6));
        var two = SparseMlp.Create(shape, onPercent: 0.2, new Random(6));
        one.TrackCoactivations = two.TrackCoactivations = true;
        two.TwoThreads = true;
        var random = new Random(9);
        const int batch = 40;
        for (int step = 0; step < 4; step++)
        {
            var x = Enumerable.Range(0, 784 * batch).Select(_ => random.NextSingle()).ToArray();
            var labels = Enumerable.Range(0, batch).Select(_ => random.Next(10)).ToArray();
            double lossOne = one.TrainStep(x, labels, batch, 0.1f, 0.9f, 1e-4f, out _);
            double lossTwo = two.TrainStep(x, labels, batch, 0.1f, 0.9f, 1e-4f, out _);
            Assert.AreEqual(lossOne, lossTwo, $"loss of step {step}");
        }

        for (int l = 0; l < one.LayerCount; l++)
        {
            CollectionAssert.AreEqual(one.GetWeights(l), two.GetWeights(l), $"weights of layer {l}");
            CollectionAssert.AreEqual(one.Coactivations(l).Counts.ToArray(), two.Coactivations(l).Counts.ToArray(), $"counts of layer {l}");
        }
    }
}
