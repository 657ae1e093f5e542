using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Diagnostics;
using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom;

/// <summary>The training loop of the BP-SOM text classifier. Per batch: the training forward, the SOM step on the detached
/// hidden activations (<see cref="SomBatchStep"/>), the SOM error mixed into ∂L/∂z by a gradient hook (<see cref="SomGradientMix"/>),
/// backward through head and encoder, and one AdamW step for each (FusedAdamW for the encoder, the tensor AdamW for the head) at the
/// warm-up/linear-decay rate. Per epoch: the SOM rate falls linearly and its radius quartically (<see cref="SomSchedule"/>, so epoch 1,
/// whose map is unlabelled, trains without SOM error as the reference does); afterwards a labelling pass over the training set in
/// evaluation mode relabels the map (labels stay fixed during the next epoch) and measures each unit's mean and spread, the
/// validation set is scored, the best epoch is kept, and units whose spread is at most PruneThreshold are pruned.</summary>
internal sealed class BpSomTextLearner
{
    private const float PruningOffBelow = 1e-4f;

    /// <summary>No pruning after the first epoch: a freshly initialised encoder gives nearly the same [CLS] vector for every text,
    /// so after one (mostly warm-up) epoch almost every unit's spread is still below the threshold. The reference, too, first
    /// prunes at its first test epoch (TEST_RATIO = 5), never after epoch 1.</summary>
    private const int FirstPruningEpoch = 2;

    private readonly BpSomTextClassificationTrainer.Options _options;
    private readonly Generator _shuffle, _headDropout;
    private readonly SomBatchStep _somStep = new();
    private readonly FusedAdamW _encoderOptimizer;
    private AdamW _headOptimizer;
    private WarmupLinearSchedule _schedule;
    private readonly int _totalSteps, _warmupSteps;

    /// <param name="shuffle">Draws each epoch's order.</param>
    /// <param name="headDropout">Draws the head's dropout masks (the encoder draws its own).</param>
    public BpSomTextLearner(BpSomTextClassificationTrainer.Options options, BpSomTextNetwork network, int trainingCount,
        Generator shuffle, Generator headDropout)
    {
        _options = options;
        Network = network;
        _shuffle = shuffle;
        _headDropout = headDropout;
        BatchesPerEpoch = (trainingCount + options.BatchSize - 1) / options.BatchSize;
        _totalSteps = checked(BatchesPerEpoch * options.NumberOfEpochs);
        _warmupSteps = Math.Min(_totalSteps, options.WarmupSteps ?? (int)Math.Round(options.WarmupFraction * _totalSteps));
        _encoderOptimizer = new FusedAdamW(options.LearningRate, options.WeightDecay);
        _encoderOptimizer.Add(network.Encoder.Parameters, network.Encoder.WordEmbeddings, network.Encoder.Config.HiddenSize,
            network.Encoder.TouchedWordRows);
        (_headOptimizer, _schedule) = CreateHeadOptimizer(stepCount: 0);
    }

    public BpSomTextNetwork Network { get; private set; }
    public int BatchesPerEpoch { get; }
    public List<BpSomTextEpochStatistics> History { get; } = [];

    /// <summary>Trains until NumberOfEpochs or early stopping and keeps the best epoch's network (its SOM labelled in that epoch's
    /// labelling pass). The copy is taken before that epoch's pruning, so the kept network is exactly the one that was scored;
    /// units pruned after it leave later epochs' networks. <paramref name="checkAlive"/> runs before every batch and stops
    /// training by throwing.</summary>
    public void Train(TextExamples training, TextExamples? validation, IProgress<TextTrainingProgress>? progress,
        Action<BpSomTextEpochStatistics>? epochDone, Action checkAlive)
    {
        if (History.Count > 0) throw new InvalidOperationException("This learner has already trained; create a new one.");
        var order = Enumerable.Range(0, training.Count).ToArray();
        BpSomTextNetwork? best = null;
        double bestAccuracy = double.NegativeInfinity;
        int epochsWithoutProgress = 0, totalPruned = 0;
        for (int epoch = 1; epoch <= _options.NumberOfEpochs && epochsWithoutProgress < _options.EarlyStoppingPatience; epoch++)
        {
            var clock = Stopwatch.StartNew();
            float somRate = SomSchedule.LearningRate(epoch, _options.NumberOfEpochs, _options.SomMinimumLearningRate, _options.SomMaximumLearningRate);
            int somRadius = SomSchedule.Radius(epoch, _options.NumberOfEpochs, _options.SomMinimumRadius, _options.SomMaximumRadius);
            _shuffle.Shuffle(order.AsSpan());
            var learning = LearningEpoch(training, order, epoch, somRate, somRadius, progress, checkAlive);

            var labelling = LabellingPass(training, checkAlive);
            var som = Network.Map.Snapshot();   // before pruning below changes the prototypes, so it matches the map model selection copies
            var scored = validation is null ? ((double Loss, double Accuracy)?)null : Score(validation, checkAlive);
            double accuracy = scored?.Accuracy ?? labelling.Accuracy;
            bool isBest = accuracy > bestAccuracy;
            if (isBest)
            {
                bestAccuracy = accuracy;
                best = Network.Clone();
                epochsWithoutProgress = 0;
            }
            else epochsWithoutProgress++;
            int pruned = _options.PruneThreshold > PruningOffBelow && epoch >= FirstPruningEpoch ? Prune(labelling.Statistics) : 0;
            totalPruned += pruned;
            var record = new BpSomTextEpochStatistics(epoch, learning.Loss, learning.Accuracy, scored?.Loss, scored?.Accuracy,
                learning.SomUsagePercent, pruned, totalPruned, Network.HiddenSize, somRate, somRadius, clock.Elapsed.TotalSeconds, isBest)
            {
                Som = som,
            };
            History.Add(record);
            epochDone?.Invoke(record);
        }
        Network = best ?? Network;
    }

    private (double Loss, double Accuracy, double SomUsagePercent) LearningEpoch(TextExamples training, int[] order, int epoch,
        float somRate, int somRadius, IProgress<TextTrainingProgress>? progress, Action checkAlive)
    {
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        long correct = 0, somUsed = 0;
        int seen = 0;
        for (int b = 0; b < BatchesPerEpoch; b++)
        {
            checkAlive();
            var rows = order.AsSpan(b * _options.BatchSize, Math.Min(_options.BatchSize, order.Length - b * _options.BatchSize)).ToArray();
            var step = Step(Batch(training, rows), rows.Select(r => training.Classes[r]).ToArray(), somRate, somRadius);
            lossSum += step.Loss;
            correct += step.Correct;
            somUsed += step.SomUsed;
            seen += rows.Length;
            progress?.Report(new TextTrainingProgress(epoch, _options.NumberOfEpochs, b + 1, BatchesPerEpoch, lossSum / (b + 1),
                (double)correct / seen, seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)));
        }
        return (lossSum / BatchesPerEpoch, (double)correct / seen, 100.0 * somUsed / seen);
    }

    /// <summary>One optimisation step on one batch; returns its mean loss, correct rows and rows whose SOM error was on.</summary>
    internal (float Loss, int Correct, int SomUsed) Step(BertBatch batch, int[] classes, float somRate, int somRadius)
    {
        Network.Encoder.ZeroGrad();
        _headOptimizer.ZeroGrad();
        var (netInput, hidden, logits) = Network.Forward(batch, training: true, _headDropout);
        var loss = logits.CrossEntropy(classes);
        int rows = classes.Length;
        _somStep.Run(Network.Map, hidden.AsReadOnlySpan(), classes, rows, somRate, somRadius, _options.ReliabilityThreshold);
        float alpha = _options.EffectiveSomErrorWeight;
        if (alpha > 0f && _somStep.UsedRows > 0)
        {
            // Copies, because the SOM step's buffers are reused by the next batch while the hook runs in this one's backward.
            var errors = _somStep.Errors.ToArray();
            var errorOn = _somStep.ErrorOn.ToArray();
            netInput.RegisterHook(gradient =>
            {
                var mixed = gradient.ToArray();
                SomGradientMix.Apply(mixed, errors, errorOn, alpha);
                return Tensor.FromArray(mixed, rows, Network.HiddenSize);
            });
        }
        loss.Backward();
        _encoderOptimizer.LearningRate = (float)_schedule.LastLearningRate;
        _encoderOptimizer.Step();
        _headOptimizer.Step();
        _schedule.Step();
        return (loss.Item(), CountCorrect(logits.AsReadOnlySpan(), classes), _somStep.UsedRows);
    }

    /// <summary>The labelling pass (ALGORITHMS.md A.8) in evaluation mode: relabels the map from the rows' overall winners and
    /// gathers each unit's mean and standard deviation for pruning, and the training loss and accuracy without dropout.</summary>
    private (double Accuracy, UnitStatistics Statistics) LabellingPass(TextExamples training, Action checkAlive)
    {
        var map = Network.Map;
        var statistics = new UnitStatistics(Network.HiddenSize);
        var distances = new float[_options.BatchSize * map.CellCount];
        var winners = new int[_options.BatchSize];
        map.CellLabels.Clear();
        long correct = 0;
        ForEachBatch(training, checkAlive, (rows, hidden, logits) =>
        {
            int n = rows.Length;
            map.ComputeSquaredDistances(hidden, n, distances.AsSpan(0, n * map.CellCount));
            map.FindBestMatches(distances.AsSpan(0, n * map.CellCount), winners.AsSpan(0, n));
            var classes = rows.Select(r => training.Classes[r]).ToArray();
            for (int i = 0; i < n; i++)
            {
                map.CellLabels.Add(winners[i], classes[i] + 1);
                statistics.Add(hidden.AsSpan(i * Network.HiddenSize, Network.HiddenSize));
            }
            correct += CountCorrect(logits, classes);
        });
        map.CellLabels.Finish();
        return ((double)correct / training.Count, statistics);
    }

    /// <summary>Mean cross-entropy and accuracy of the current network on <paramref name="data"/> in evaluation mode.</summary>
    private (double Loss, double Accuracy) Score(TextExamples data, Action checkAlive)
    {
        double lossSum = 0;
        long correct = 0;
        int k = Network.ClassCount;
        ForEachBatch(data, checkAlive, (rows, _, logits) =>
        {
            var classes = rows.Select(r => data.Classes[r]).ToArray();
            for (int i = 0; i < rows.Length; i++)
            {
                var row = logits.AsSpan(i * k, k);
                float max = TensorPrimitives.Max<float>(row);
                double sum = 0;
                foreach (float v in row) sum += Math.Exp(v - max);
                lossSum += Math.Log(sum) + max - row[classes[i]];
            }
            correct += CountCorrect(logits, classes);
        });
        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private void ForEachBatch(TextExamples data, Action checkAlive, Action<int[], float[], float[]> visit)
    {
        for (int start = 0; start < data.Count; start += _options.BatchSize)
        {
            checkAlive();
            var rows = Enumerable.Range(start, Math.Min(_options.BatchSize, data.Count - start)).ToArray();
            var (hidden, logits) = Network.Evaluate(Batch(data, rows));
            visit(rows, hidden, logits);
        }
    }

    private BertBatch Batch(TextExamples data, int[] rows) =>
        Network.TextEncoder.Encode(rows.Select(r => data.First[r]).ToArray(), data.Second is { } second ? rows.Select(r => second[r]).ToArray() : null);

    /// <summary>Prunes every unit whose standard deviation over the training set is at most PruneThreshold, highest index first so
    /// the statistics' indices stay valid, keeping at least one unit. The head's optimizer restarts on the smaller shapes.</summary>
    private int Prune(UnitStatistics statistics)
    {
        int pruned = 0;
        for (int unit = statistics.Count - 1; unit >= 0 && Network.HiddenSize > 1; unit--)
        {
            if (statistics.StandardDeviation(unit) > _options.PruneThreshold) continue;
            Network.PruneUnit(unit, (float)statistics.Mean(unit));
            pruned++;
        }
        if (pruned > 0) (_headOptimizer, _schedule) = CreateHeadOptimizer(_schedule.StepCount);
        return pruned;
    }

    /// <summary>AdamW over the head's current tensors with the warm-up/linear-decay schedule at <paramref name="stepCount"/>. After
    /// pruning the head's moments start afresh: the shapes changed, and the encoder's optimizer (most of the state) is kept.</summary>
    private (AdamW, WarmupLinearSchedule) CreateHeadOptimizer(int stepCount)
    {
        var optimizer = new AdamW(Network.HeadParameters, _options.LearningRate, weightDecay: _options.WeightDecay);
        var schedule = new WarmupLinearSchedule(optimizer, _warmupSteps, _totalSteps);
        schedule.Restore(stepCount);
        return (optimizer, schedule);
    }

    private static int CountCorrect(ReadOnlySpan<float> logits, int[] classes)
    {
        int k = logits.Length / classes.Length, correct = 0;
        for (int i = 0; i < classes.Length; i++)
            if (TensorPrimitives.IndexOfMax(logits.Slice(i * k, k)) == classes[i]) correct++;
        return correct;
    }
}
