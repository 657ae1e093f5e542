using Microsoft.ML.Datasets;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// The epoch loop of ALGORITHMS.md C.8 on in-memory data: reset co-activations; train (shuffled batches, one SGD
/// step each, co-activations counted in the forward pass); validate (and under noise when asked); step the
/// multi-step schedule; decay the k-winners boost; prune and grow every layer.
/// </summary>
public static class DynamicSparseTraining
{
    public static TrainingResult Run(LabeledSet train, LabeledSet? validation, DynamicSparseTrainer.Options options,
        int seed, IProgress<EpochRecord>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0)
            throw new ArgumentException("The training set is empty.", nameof(train));
        int classes = Math.Max(train.Labels.Max(), validation?.Labels.DefaultIfEmpty(0).Max() ?? 0) + 1;
        var random = new Random(seed);
        var network = SparseMlp.Create(options.Shape(train.FeatureCount, classes), options.OnPercent, random);
        return Continue(network, train, validation, options, random, progress, cancellation);
    }

    internal static TrainingResult Continue(SparseMlp network, LabeledSet train, LabeledSet? validation,
        DynamicSparseTrainer.Options options, Random random, IProgress<EpochRecord>? progress, CancellationToken cancellation)
    {
        if (train.FeatureCount != network.InputSize)
            throw new ArgumentException($"The network reads {network.InputSize} features, the data has {train.FeatureCount}.", nameof(train));
        var rule = options.PruneGrow;
        network.TrackCoactivations = rule.NeedsCoactivations;
        var noisy = options.NoiseStd > 0 && validation is not null ? validation.WithNoise(options.NoiseStd, new Random(random.Next())) : null;
        var history = new List<EpochRecord>();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var batchFeatures = new float[options.BatchSize * train.FeatureCount];
        var batchLabels = new int[options.BatchSize];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            network.ResetCoactivations();
            double learningRate = options.LearningRateAt(epoch);
            random.Shuffle(order);
            double lossSum = 0;
            long correct = 0, seen = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                int batch = Math.Min(options.BatchSize, order.Length - start);
                if (batch < 2 && options.BatchNorm)
                    break; // batch norm cannot train on a single sample (PyTorch raises); drop it as drop_last would
                for (int i = 0; i < batch; i++)
                {
                    train.Row(order[start + i]).CopyTo(batchFeatures.AsSpan(i * train.FeatureCount));
                    batchLabels[i] = train.Labels[order[start + i]];
                }
                lossSum += batch * network.TrainStep(batchFeatures.AsSpan(0, batch * train.FeatureCount), batchLabels.AsSpan(0, batch),
                    batch, (float)learningRate, (float)options.Momentum, (float)options.WeightDecay, out int right);
                correct += right;
                seen += batch;
            }
            double? validationAccuracy = validation is null ? null : Accuracy(network, validation);
            double? noisyAccuracy = noisy is null ? null : Accuracy(network, noisy);
            if (options.UseKWinners)
                network.DecayBoostStrength(options.BoostStrengthFactor);
            var layers = PruneAndGrow(network, rule, random);
            var record = new EpochRecord(epoch, learningRate, lossSum / Math.Max(seen, 1), (double)correct / Math.Max(seen, 1),
                validationAccuracy, noisyAccuracy, layers);
            history.Add(record);
            progress?.Report(record);
        }
        network.TrackCoactivations = false;
        return new TrainingResult(network, history);
    }

    /// <summary>Applies the prune-and-grow rule to every layer and rebuilds its compressed structure.</summary>
    public static LayerEpochStats[] PruneAndGrow(SparseMlp network, PruneGrowSettings rule, Random random)
    {
        var stats = new LayerEpochStats[network.LayerCount];
        for (int l = 0; l < network.LayerCount; l++)
        {
            var layer = network.Layer(l);
            var weights = layer.DenseWeights();
            var mask = new bool[weights.Length];
            var outcome = PruneGrowRule.Apply(weights, network.Coactivations(l).Counts, mask, layer.ConnectionCount, rule, random);
            layer.Restructure(mask, weights);
            stats[l] = new LayerEpochStats(l, (double)outcome.Connections / weights.Length, outcome.Connections, outcome.Pruned, outcome.Regrown);
        }
        return stats;
    }

    /// <summary>Fraction of samples whose highest logit is their label (evaluation mode).</summary>
    public static double Accuracy(SparseMlp network, LabeledSet data)
    {
        const int chunk = 1000;
        var scores = new float[chunk * network.ClassCount];
        int correct = 0;
        for (int start = 0; start < data.Count; start += chunk)
        {
            int rows = Math.Min(chunk, data.Count - start);
            network.Score(data.Features.AsSpan(start * data.FeatureCount, rows * data.FeatureCount), rows, scores);
            for (int r = 0; r < rows; r++)
            {
                var row = scores.AsSpan(r * network.ClassCount, network.ClassCount);
                int best = 0;
                for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
                if (best == data.Labels[start + r]) correct++;
            }
        }
        return data.Count == 0 ? 0 : (double)correct / data.Count;
    }
}
