using Microsoft.ML.Neural;

namespace Microsoft.ML.Benchmarks;

/// <summary>MLP training and inference throughput (bench/WORKLOADS.md, mlp_*), timing exactly what
/// the PyTorch peer (bench/peer/mlp.py) times: one step = zero grad, forward, cross-entropy,
/// backward, SGD momentum 0.9 on random MNIST-shaped data; inference = an evaluation-mode forward
/// with no graph. Each step runs in a step scope (TensorScope.BeginStep), which recycles its storage, tensors and graph nodes.</summary>
public sealed class MlpBenchmark : IBenchmark
{
    private const int Samples = 6000;

    public string Group => "mlp";

    public void Run(Action<BenchResult> report)
    {
        var g = new Generator(0);
        var x = Tensor.Rand(g, Samples, 784).DetachFromScope();
        var y = new int[Samples];
        for (int i = 0; i < Samples; i++) y[i] = g.NextInt(10);

        foreach (var (tag, build) in Architectures())
        {
            bool big = tag == "mlp_src4000";
            foreach (int batch in new[] { 100, 32 })
            {
                var model = build(new Generator(1));
                model.Train();
                var optimizer = new Sgd(model.Parameters(), 0.01, momentum: 0.9);
                int batches = Samples / batch, next = 0;
                var labels = new int[batch];
                void Step()
                {
                    int i = next;
                    next = (next + 1) % batches;
                    Array.Copy(y, i * batch, labels, 0, batch);
                    using var scope = TensorScope.BeginStep();
                    optimizer.ZeroGrad();
                    model.Forward(x.Slice(0, i * batch, (i + 1) * batch)).CrossEntropy(labels).Backward();
                    optimizer.Step();
                }
                double train = Measure.SecondsPerCall(Step, big ? 5 : 7, big ? 0.5 : 0.3);
                report(new BenchResult($"{tag}_b{batch}_train", batch / train, "samples/s", true));
                if (tag == "mlp_dsnn" && batch == 100)
                    report(new BenchResult($"{tag}_b{batch}_train_bytes", Measure.BytesPerCall(Step), "bytes/step", false));

                model.Eval();
                var input = x.Slice(0, 0, batch);
                void Infer()
                {
                    using var scope = TensorScope.BeginStep();
                    using var noGrad = Autograd.NoGrad();
                    model.Forward(input);
                }
                double infer = Measure.SecondsPerCall(Infer, big ? 5 : 7, 0.3);
                report(new BenchResult($"{tag}_b{batch}_infer", batch / infer, "samples/s", true));
            }
        }
    }

    private static IEnumerable<(string Tag, Func<Generator, Sequential> Build)> Architectures()
    {
        yield return ("mlp_dsnn", g =>
        {
            var net = new Sequential();
            int d = 784;
            foreach (int h in new[] { 100, 100, 100 })
            {
                net.Append(new Linear(d, h, generator: g)).Append(new BatchNorm1d(h)).Append(new ReLU());
                d = h;
            }
            return net.Append(new Linear(d, 10, generator: g));
        });
        yield return ("mlp_1200", g => new Sequential(
            new Linear(784, 1200, generator: g), new ReLU(), new Linear(1200, 1200, generator: g), new ReLU(), new Linear(1200, 10, generator: g)));
        yield return ("mlp_src4000", g => new Sequential(
            new Linear(784, 4000, hasBias: false, generator: g), new ReLU(),
            new Linear(4000, 4000, hasBias: false, generator: g), new ReLU(),
            new Linear(4000, 10, hasBias: false, generator: g)));
    }
}
