using Microsoft.ML.Datasets;
using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Tests.Checkpoints;

namespace Microsoft.ML.Neural.Tests;

/// <summary>The 784-100-100-100-10 MLP with batch norm (Linear + BatchNorm1d + ReLU per hidden
/// layer) trained on MNIST with SGD + momentum and a cosine learning-rate schedule, one
/// step scope (<see cref="TensorScope.BeginStep"/>) per step, so training allocates nothing after the first step.</summary>
internal static class MnistMlp
{
    public const int BatchSize = 100;

    private static readonly Lazy<(MnistArrays Train, MnistArrays Test)> Data = new(() =>
    {
        string dir = SharedPaths.Mnist;
        return (MnistIdx.Read(dir, MnistSplit.Train), MnistIdx.Read(dir, MnistSplit.Test));
    });

    public static MnistArrays Train => Data.Value.Train;

    public static MnistArrays Test => Data.Value.Test;

    public static Sequential Build(ulong seed)
    {
        var g = new Generator(seed);
        var net = new Sequential();
        int inputs = 784;
        foreach (int width in new[] { 100, 100, 100 })
        {
            net.Append(new Linear(inputs, width, generator: g)).Append(new BatchNorm1d(width)).Append(new ReLU());
            inputs = width;
        }
        return net.Append(new Linear(inputs, 10, generator: g));
    }

    /// <summary>Trains on the first <paramref name="samples"/> training images, reshuffled each epoch.</summary>
    public static void Fit(Sequential net, ulong seed, int epochs, int samples)
    {
        var shuffle = new Generator(seed + 1);
        var optimizer = new Sgd(net.Parameters(), 0.1, momentum: 0.9);
        var schedule = new CosineSchedule(optimizer, epochs * (samples / BatchSize));
        var order = Enumerable.Range(0, samples).ToArray();
        var labels = new int[BatchSize];
        net.Train();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shuffle.Shuffle(order.AsSpan());
            for (int start = 0; start + BatchSize <= samples; start += BatchSize)
            {
                using var scope = TensorScope.BeginStep();
                var x = Batch(Train, order.AsSpan(start, BatchSize), labels);
                optimizer.ZeroGrad();
                net.Forward(x).CrossEntropy(labels).Backward();
                optimizer.Step();
                schedule.Step();
            }
        }
    }

    /// <summary>Fraction of test images classified correctly in evaluation mode.</summary>
    public static double TestAccuracy(Sequential net)
    {
        net.Eval();
        var data = Test;
        var indices = Enumerable.Range(0, data.Count).ToArray();
        var labels = new int[BatchSize];
        int correct = 0;
        using var noGrad = Autograd.NoGrad();
        for (int start = 0; start < data.Count; start += BatchSize)
        {
            using var scope = TensorScope.BeginStep();
            var x = Batch(data, indices.AsSpan(start, BatchSize), labels);
            var predicted = net.Forward(x).ArgMax(1);
            for (int i = 0; i < BatchSize; i++) if (predicted[i] == labels[i]) correct++;
        }
        return correct / (double)data.Count;
    }

    private static Tensor Batch(MnistArrays data, ReadOnlySpan<int> rows, int[] labels)
    {
        var x = Tensor.Empty(rows.Length, 784);
        var xs = x.AsSpan();
        for (int i = 0; i < rows.Length; i++)
        {
            data.Pixels.AsSpan(rows[i] * 784, 784).CopyTo(xs.Slice(i * 784, 784));
            labels[i] = data.Labels[rows[i]];
        }
        return x;
    }
}
