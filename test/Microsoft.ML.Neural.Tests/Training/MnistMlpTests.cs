using System.Diagnostics;
using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class MnistMlpTests
{
    [TestMethod]
    public void BatchNormMlp_FiveEpochs_ReachesAtLeast97Point5PercentTestAccuracy()
    {
        var net = MnistMlp.Build(seed: 1);
        var clock = Stopwatch.StartNew();
        MnistMlp.Fit(net, seed: 1, epochs: 5, samples: MnistMlp.Train.Count);
        double accuracy = MnistMlp.TestAccuracy(net);
        Console.WriteLine($"MNIST 784-100-100-100-10 BN MLP: {accuracy:P2} test accuracy after 5 epochs in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.IsGreaterThanOrEqualTo(0.975, accuracy);
    }

    [TestMethod]
    public void Training_WithTheSameSeed_GivesBitIdenticalWeights()
    {
        var first = MnistMlp.Build(seed: 7);
        var second = MnistMlp.Build(seed: 7);
        MnistMlp.Fit(first, seed: 7, epochs: 1, samples: 3000);
        MnistMlp.Fit(second, seed: 7, epochs: 1, samples: 3000);
        var a = first.StateDict();
        var b = second.StateDict();
        foreach (var (name, tensor) in a)
            CollectionAssert.AreEqual(tensor.ToArray(), b[name].ToArray(), $"'{name}' differs between runs");
        var other = MnistMlp.Build(seed: 8);
        CollectionAssert.AreNotEqual(a["0.weight"].ToArray(), other.StateDict()["0.weight"].ToArray());
    }
}
