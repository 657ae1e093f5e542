using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.Benchmarks;

/// <summary>bert_*: one training step (zero grad, forward with dropout 0.1, cross-entropy over a
/// 2-class head on the tanh pooler, backward, AdamW lr 2e-5 wd 0.01) and one evaluation-mode forward
/// of a randomly initialised BERT on random token ids, as ../shared/bench/peer/bert.py times them.</summary>
public sealed class BertBenchmark : IBenchmark
{
    public string Group => "bert";

    private static readonly (string Size, int Batch, int Sequence)[] Runs =
        [("tiny", 32, 64), ("tiny", 32, 128), ("mini", 32, 64), ("mini", 32, 128), ("base", 16, 64)];

    public void Run(Action<BenchResult> report)
    {
        foreach (var (size, batchSize, sequence) in Runs)
        {
            var config = BertConfig.Named(size);
            var classifier = new BertClassifier(BertModel.Create(config, seed: 0), numLabels: 2, seed: 1);
            var optimizer = classifier.CreateOptimizer(learningRate: 2e-5f, weightDecay: 0.01f);
            var random = new Generator(2);
            var ids = new int[batchSize * sequence];
            for (int i = 0; i < ids.Length; i++) ids[i] = random.NextInt(config.VocabSize);
            var labels = new int[batchSize];
            for (int i = 0; i < labels.Length; i++) labels[i] = random.NextInt(2);
            var batch = BertBatch.Unpadded(batchSize, sequence, ids);

            // BERT-Base steps take seconds: fewer and shorter repetitions, as the peer does.
            bool big = size == "base";
            int reps = big ? 3 : 7;
            double minSeconds = big ? 0.01 : 0.3;
            double train = Measure.SecondsPerCall(() =>
            {
                classifier.ZeroGrad();
                classifier.ForwardBackward(batch, labels);
                optimizer.Step();
            }, reps, minSeconds);
            double infer = Measure.SecondsPerCall(() => classifier.Predict(batch), reps, minSeconds);
            report(new BenchResult($"bert_{size}_{batchSize}x{sequence}_train", train * 1e3, "ms/step", false));
            report(new BenchResult($"bert_{size}_{batchSize}x{sequence}_infer", infer * 1e3, "ms/batch", false));
        }
    }
}
