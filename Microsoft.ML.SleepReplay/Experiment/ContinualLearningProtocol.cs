using Microsoft.ML.Datasets;
using System.Numerics.Tensors;
using System.Diagnostics;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// The incremental-task experiment (ALGORITHMS.md B.3, B.10): every approach starts from the same
/// initial network and sees the tasks' training rows with the same shuffling seeds, so SRC and
/// sequential training differ only by the sleeps. Sleep parameters are chosen on validation rows
/// carved from the training data; the test set is only reported.
/// </summary>
public sealed class ContinualLearningProtocol
{
    private readonly ContinualLearningOptions _options;
    private readonly IProgress<string>? _log;

    public ContinualLearningProtocol(ContinualLearningOptions options, IProgress<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _log = log;
    }

    public ContinualLearningReport Run(LabeledSet train, LabeledSet test, CancellationToken cancellationToken = default) =>
        Run(train, test, approachFinished: null, cancellationToken);

    /// <summary>Runs every approach of the options in turn, handing each result to <paramref name="approachFinished"/> as soon as it is complete.</summary>
    /// <param name="approachFinished">
    /// Told of each approach's result on the calling thread, in the order of <see cref="ContinualLearningOptions.Approaches"/>,
    /// before the next approach starts. A caller thus keeps the finished approaches when a later one is cancelled, and a
    /// cancellation requested from inside the callback stops the run before the next approach does any work.
    /// </param>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled before the last approach finished; the results already handed to
    /// <paramref name="approachFinished"/> are all that was completed.
    /// </exception>
    public ContinualLearningReport Run(LabeledSet train, LabeledSet test, IProgress<ApproachResult>? approachFinished,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var tasks = TaskData.Build(train, test, _options.Tasks, _options.TrainPerTask, _options.ValidationPerTask);
        int classes = Math.Max(train.Labels.Max(), _options.Tasks.SelectMany(t => t).Max()) + 1;
        var initial = _options.Training.CreateNetwork(train.FeatureCount, classes, new Random(_options.Seed));
        _log?.Report($"network {initial.Describe()}, {tasks.Count} tasks × {_options.TrainPerTask} rows");

        // Parallel baselines see every training row of the tasks' classes (all 60,000 for MNIST), as in the port.
        var everyTaskRow = train.Select(train.IndicesOf(_options.Tasks.SelectMany(t => t).ToArray()));
        var results = new List<ApproachResult>();
        List<MlpNetwork>? taskNetworks = null;
        foreach (var approach in _options.Approaches)
        {
            // Checked here as well: merging already-trained task networks has no training step that would notice a cancel.
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var sleeps = new List<SleepRecord>();
            var (rows, ranks, network) = approach switch
            {
                ContinualApproach.SleepReplay => RunSequential(initial, tasks, approach, sleeps, cancellationToken),
                ContinualApproach.Sequential or ContinualApproach.SequentialMasked or ContinualApproach.SequentialLossMasked =>
                    RunSequential(initial, tasks, approach, null, cancellationToken),
                ContinualApproach.Parallel => RunParallel(initial, everyTaskRow, tasks, cancellationToken),
                ContinualApproach.LowRankParallel => RunParallel(LowRankStart(train.FeatureCount, classes), everyTaskRow, tasks, cancellationToken),
                ContinualApproach.Merging => RunMerging(initial, taskNetworks ??= TrainTaskNetworks(initial, tasks, cancellationToken), tasks, truncateChanges: false),
                ContinualApproach.LowRankChangeMerging => RunMerging(initial, taskNetworks ??= TrainTaskNetworks(initial, tasks, cancellationToken), tasks, truncateChanges: true),
                ContinualApproach.LowRankMerging => RunLowRankMerging(LowRankStart(train.FeatureCount, classes), tasks, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(approach), approach, "Unknown approach."),
            };
            var elapsed = clock.Elapsed;
            var result = new ApproachResult(approach, rows, ranks, elapsed, new MlpModelParameters(network), sleeps);
            results.Add(result);
            _log?.Report($"{approach}: per task [{string.Join(", ", rows[^1].PerTask.Select(a => a.ToString("P2")))}], overall {rows[^1].Overall:P2} in {elapsed.TotalSeconds:F0} s");
            approachFinished?.Report(result);
        }
        return new ContinualLearningReport(_options.Tasks, results);
    }

    /// <summary>What one approach trained: its test rows, stable ranks and final (dense) network.</summary>
    private readonly record struct Trained(List<TaskAccuracyRow> Rows, List<IReadOnlyList<double>> StableRanks, MlpNetwork Network);

    private Random TrainingRandom(int task) => new(_options.Seed * 7919 + task + 1);

    /// <summary>The shared start of the factorized approaches (its own seed, so the dense start is unchanged).</summary>
    private MlpNetwork LowRankStart(int inputs, int classes) =>
        LowRankNetworks.Create(_options.Training, inputs, classes, _options.LowRank, new Random(_options.Seed * 7919 - 1));

    private Trained RunSequential(MlpNetwork initial, IReadOnlyList<TaskData> tasks,
        ContinualApproach approach, List<SleepRecord>? sleeps, CancellationToken ct)
    {
        var net = initial.Clone();
        var trainer = new MlpSgdTrainer(_options.Training);
        var rows = new List<TaskAccuracyRow>();
        var ranks = new List<IReadOnlyList<double>>();
        for (int t = 0; t < tasks.Count; t++)
        {
            var classes = tasks[t].Classes;
            bool[]? active = approach == ContinualApproach.SequentialLossMasked ? ActiveOutputs(net.OutputSize, classes) : null;
            var losses = trainer.Train(net, tasks[t].Train, TrainingRandom(t), active, cancellationToken: ct);
            _log?.Report($"{approach}: task {t + 1} trained, loss {string.Join(" → ", losses.Select(l => l.ToString("F4")))}");
            if (sleeps != null)
            {
                var (record, after) = Sleep(net, tasks, t, ct);
                sleeps.Add(record);
                rows.Add(after);
            }
            else if (approach == ContinualApproach.SequentialMasked)
            {
                ZeroLastLayerColumns(net, classes);
                rows.Add(Evaluate(net, tasks, t, (label, c) => !classes.Contains(label) && classes.Contains(c)));
            }
            else
            {
                rows.Add(Evaluate(net, tasks, t));
            }
            ranks.Add(StableRanks(net));
        }
        return new Trained(rows, ranks, net);
    }

    /// <summary>The port's cheat step: the last layer's weights from the hidden units numbered like the task's classes are set to 0.</summary>
    private static void ZeroLastLayerColumns(MlpNetwork net, int[] classes)
    {
        int last = net.LayerCount - 1, inputs = net.InputsOf(last);
        foreach (int c in classes)
        {
            if (c >= inputs)
                throw new ArgumentException($"Class {c} has no hidden-unit column in a last layer with {inputs} inputs ({net.Describe()}).", nameof(classes));
            for (int i = 0; i < net.OutputsOf(last); i++) net.Weights[last][i * inputs + c] = 0f;
        }
    }

    /// <summary>Trains a copy of <paramref name="start"/> on <paramref name="rows"/> at once (factorized starts are multiplied out after training).</summary>
    private Trained RunParallel(MlpNetwork start, LabeledSet rows, IReadOnlyList<TaskData> tasks, CancellationToken ct)
    {
        var net = start.Clone();
        new MlpSgdTrainer(_options.Training).Train(net, rows, TrainingRandom(0), cancellationToken: ct);
        if (net.HasLinearLayers) net = LowRankNetworks.ToDense(net);
        return new Trained([Evaluate(net, tasks, tasks.Count - 1)], [StableRanks(net)], net);
    }

    /// <summary>
    /// Mean of the task networks, W = W0 + mean_t(W_t − W0). With <paramref name="truncateChanges"/>
    /// only the best rank-r part (SVD) of each task's change W_t − W0 is kept before averaging.
    /// </summary>
    private Trained RunMerging(MlpNetwork initial, IReadOnlyList<MlpNetwork> taskNetworks,
        IReadOnlyList<TaskData> tasks, bool truncateChanges)
    {
        var merged = initial.Clone();
        float share = 1f / taskNetworks.Count;
        foreach (var net in taskNetworks)
        {
            for (int l = 0; l < net.LayerCount; l++)
            {
                var change = new float[net.Weights[l].Length];
                TensorPrimitives.Subtract(net.Weights[l], initial.Weights[l], change);
                if (truncateChanges)
                    change = MatrixAnalysis.TruncateRank(change, net.OutputsOf(l), net.InputsOf(l), _options.LowRank, new Random(_options.Seed + l));
                TensorPrimitives.MultiplyAdd(change, share, merged.Weights[l], merged.Weights[l]);
                if (net.Biases != null)
                {
                    var biasChange = new float[net.Biases[l].Length];
                    TensorPrimitives.Subtract(net.Biases[l], initial.Biases![l], biasChange);
                    TensorPrimitives.MultiplyAdd(biasChange, share, merged.Biases![l], merged.Biases![l]);
                }
            }
        }
        return new Trained([Evaluate(merged, tasks, tasks.Count - 1)], [StableRanks(merged)], merged);
    }

    /// <summary>The port's low-rank merging: factorized task networks from one start, multiplied out, then averaged.</summary>
    private Trained RunLowRankMerging(MlpNetwork factorizedStart, IReadOnlyList<TaskData> tasks, CancellationToken ct)
    {
        var dense = TrainTaskNetworks(factorizedStart, tasks, ct).Select(LowRankNetworks.ToDense).ToList();
        return RunMerging(LowRankNetworks.ToDense(factorizedStart), dense, tasks, truncateChanges: false);
    }

    /// <summary>One network per task, each trained from the shared start.</summary>
    private List<MlpNetwork> TrainTaskNetworks(MlpNetwork initial, IReadOnlyList<TaskData> tasks, CancellationToken ct)
    {
        var trainer = new MlpSgdTrainer(_options.Training);
        var networks = new List<MlpNetwork>();
        for (int t = 0; t < tasks.Count; t++)
        {
            var net = initial.Clone();
            trainer.Train(net, tasks[t].Train, TrainingRandom(t), cancellationToken: ct);
            networks.Add(net);
            _log?.Report($"merging: task {t + 1} network {net.Describe()} trained");
        }
        return networks;
    }

    /// <summary>
    /// Sleeps <paramref name="net"/> after task <paramref name="t"/>, choosing among the candidates on
    /// validation rows of the tasks seen so far; returns the record and the test row after sleep.
    /// </summary>
    private (SleepRecord, TaskAccuracyRow) Sleep(MlpNetwork net, IReadOnlyList<TaskData> tasks, int t, CancellationToken ct)
    {
        var seen = tasks.Take(t + 1).ToList();
        var validation = LabeledSet.Concat(seen.Select(s => s.Validation).ToList());
        var scopeRows = _options.SleepData == SleepDataScope.CurrentTask
            ? tasks[t].Train
            : LabeledSet.Concat(seen.Select(s => s.Train).ToList());
        bool classMeans = _options.SleepDataForm == SleepDataForm.ClassMeans;
        var sleepData = classMeans ? TaskData.ClassMeans(scopeRows) : scopeRows;
        var candidates = _options.SleepCandidates.Count > 0 ? _options.SleepCandidates : [_options.Sleep];

        var testBefore = Evaluate(net, tasks, t);
        double validationBefore = validation.Count > 0 ? Evaluation.Accuracy(net, validation) : double.NaN;
        var summaryData = validation.Count > 0 ? validation : scopeRows;
        var meansBefore = ActivationSummary.ClassMeans(net, summaryData);

        MlpNetwork? best = null;
        SleepResult? bestResult = null;
        int bestIndex = -1;
        double bestScore = double.NegativeInfinity;
        bool choose = candidates.Count > 1 || _options.SleepCheckpoints > 1;
        for (int c = 0; c < candidates.Count; c++)
        {
            var options = candidates[c].Clone();
            options.Iterations += t * _options.SleepIterationsIncreasePerTask;
            options.Seed = candidates[c].Seed * 7919 + t;
            if (classMeans) options.SamplesPerStep = 1;
            int candidate = c;
            // A candidate's shorter sleeps come before its whole one, so within a candidate a validation tie goes to the
            // sleep that changed the network least; between candidates the grid order settles ties as before.
            void Consider(MlpNetwork slept, SleepResult result)
            {
                double score = choose ? Evaluation.Accuracy(slept, validation) : 0;
                if (choose) _log?.Report($"  sleep candidate {candidate} after task {t + 1}, {result.Iterations} steps: validation {score:P2}");
                if (score > bestScore) (best, bestResult, bestIndex, bestScore) = (slept, result, candidate, score);
            }
            var full = net.Clone();
            var fullResult = SleepPhase.Run(full, sleepData.Features, sleepData.Count, options, cancellationToken: ct,
                checkpoints: Checkpoints(options.Iterations, _options.SleepCheckpoints), atCheckpoint: Consider);
            Consider(full, fullResult);
        }
        best!.CopyParametersTo(net);

        double validationAfter = validation.Count > 0 ? Evaluation.Accuracy(net, validation) : double.NaN;
        var meansAfter = ActivationSummary.ClassMeans(net, summaryData);
        _log?.Report($"SleepReplay: sleep after task {t + 1} (candidate {bestIndex}): validation {validationBefore:P2} → {validationAfter:P2}");
        var testAfter = Evaluate(net, tasks, t);
        return (new SleepRecord(t, bestIndex, bestResult!, validationBefore, validationAfter, testBefore.Seen, testAfter.Seen,
            ActivationSummary.Compare(meansBefore, meansAfter)), testAfter);
    }

    /// <summary>The step counts that split a sleep of <paramref name="steps"/> into <paramref name="parts"/> equal parts (rounded down), without the last.</summary>
    private static int[] Checkpoints(int steps, int parts) =>
        Enumerable.Range(1, parts - 1).Select(i => (int)((long)steps * i / parts)).Where(k => k > 0).Distinct().ToArray();

    private static bool[] ActiveOutputs(int outputs, int[] classes)
    {
        var active = new bool[outputs];
        foreach (int c in classes) active[c] = true;
        return active;
    }

    /// <summary>One pass over the test rows of all tasks; per-task accuracies are read from the same predictions.</summary>
    private static TaskAccuracyRow Evaluate(MlpNetwork net, IReadOnlyList<TaskData> tasks, int afterTask, Func<int, int, bool>? zeroScore = null)
    {
        var all = LabeledSet.Concat(tasks.Select(t => t.Test).ToList());
        var predictions = Evaluation.Predict(net, all, zeroScore);
        var perTask = tasks.Select(t => Evaluation.Accuracy(predictions, all.Labels, t.Classes.Contains)).ToList();
        var seen = tasks.Take(afterTask + 1).SelectMany(t => t.Classes).ToHashSet();
        return new TaskAccuracyRow(afterTask, perTask, Evaluation.Accuracy(predictions, all.Labels, _ => true),
            Evaluation.Accuracy(predictions, all.Labels, seen.Contains));
    }

    private static IReadOnlyList<double> StableRanks(MlpNetwork net) =>
        Enumerable.Range(0, net.LayerCount).Select(l => MatrixAnalysis.StableRank(net.Weights[l], net.OutputsOf(l), net.InputsOf(l))).ToList();
}
