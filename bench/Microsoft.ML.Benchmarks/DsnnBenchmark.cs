using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.Benchmarks;

/// <summary>
/// "dsnn": one training step of the 784-100-100-100-10 dynamic sparse MLP (Linear + BatchNorm1d + ReLU ×3, then
/// Linear) at 20% density, with the masks and co-activation tracking on, on random MNIST-shaped data cycled through
/// in batches: the work the peer's dense <c>mlp_dsnn_b{100,32}_train</c> times (../shared/bench/peer/mlp.py).
/// <c>_2threads</c> figures split the largest kernels over two threads (<see cref="SparseMlp.TwoThreads"/>; identical
/// results); <c>dsnn_b100_train_bytes</c> is the memory allocated per step.
/// </summary>
public sealed class DsnnBenchmark : IBenchmark
{
    private const int Samples = 6000, Features = 784, Classes = 10;

    public string Group => "dsnn";

    public void Run(Action<BenchResult> report)
    {
        var random = new Random(0);
        var x = new float[Samples * Features];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextSingle();
        var y = new int[Samples];
        for (int i = 0; i < y.Length; i++) y[i] = random.Next(Classes);
        foreach (bool twoThreads in new[] { false, true })
            foreach (int batch in new[] { 100, 32 })
            {
                var shape = new NetworkShape([Features, 100, 100, 100, Classes], BatchNorm: true, UseKWinners: false,
                    KWinnersPercentOn: 0.25, BoostStrength: 1.4, KInferenceFactor: 1.5, DutyCyclePeriod: 1000);
                var network = SparseMlp.Create(shape, onPercent: 0.2, new Random(0));
                network.TrackCoactivations = true;
                network.TwoThreads = twoThreads;
                int batches = Samples / batch, next = 0;
                void Step()
                {
                    int start = next * batch;
                    next = (next + 1) % batches;
                    network.TrainStep(x.AsSpan(start * Features, batch * Features), y.AsSpan(start, batch), batch,
                        learningRate: 0.01f, momentum: 0.9f, weightDecay: 0f, out _);
                }
                double seconds = Measure.SecondsPerCall(Step);
                string name = $"dsnn_b{batch}_train" + (twoThreads ? "_2threads" : "");
                report(new BenchResult(name, batch / seconds, "samples/s", HigherIsBetter: true));
                if (batch == 100 && !twoThreads)
                    report(new BenchResult("dsnn_b100_train_bytes", Measure.BytesPerCall(Step), "bytes/step", HigherIsBetter: false));
            }
    }
}
