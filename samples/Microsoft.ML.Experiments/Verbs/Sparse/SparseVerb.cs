using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.ML.Datasets;
using Microsoft.ML.DynamicSparse;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Progress;
using Microsoft.ML.Experiments.Running;

namespace Microsoft.ML.Experiments.Verbs.Sparse;

/// <summary><c>sparse</c>: a grid sweep of the dynamic sparse network (Hebbian prune × magnitude prune × growth mode, each
/// with every seed), trials in parallel and persisted as they finish (rerunning into the same --output skips finished ones).</summary>
public sealed class SparseVerb : Verb<SparseSettings>
{
    private const string Primary = "max validation accuracy";
    public const string TrialsFolder = "trials";

    public override string Name => "sparse";
    public override string Description => "A grid sweep of dynamic sparse networks (Hebbian and magnitude pruning, growth) on MNIST.";

    public override IReadOnlyList<Setting> Settings { get; } =
    [
        .. CommonSettings.For<SparseSettings>(),
        Sweep("--hebbian-prune", nameof(SparseSettings.HebbianPrune), "Grid values of the Hebbian prune fraction τ."),
        Sweep("--weight-prune", nameof(SparseSettings.WeightPrune), "Grid values of the magnitude prune fraction ζ."),
        Sweep("--hebbian-grow", nameof(SparseSettings.HebbianGrow), "Grid values of the growth mode (true: Hebbian, false: random)."),
        Sweep("--seeds", nameof(SparseSettings.Seeds), "Seeds of each grid point's trials (default: --seed)."),
        Sweep("--parallel", nameof(SparseSettings.Parallel), "Trials run at once (0 = one per core)."),
        Sweep("--train", nameof(SparseSettings.Train), "Training images (the first N; 0 = all)."),
        Sweep("--test", nameof(SparseSettings.Test), "Validation (test-set) images (the first N; 0 = all)."),
        Trainer("--epochs", nameof(DynamicSparseTrainer.Options.Epochs), "Epochs per trial."),
        Trainer("--hidden", nameof(DynamicSparseTrainer.Options.HiddenLayers), "Hidden layer sizes, comma-separated."),
        Trainer("--on-percent", nameof(DynamicSparseTrainer.Options.OnPercent), "Fraction of each layer's weights that are connections."),
        Trainer("--learning-rate", nameof(DynamicSparseTrainer.Options.LearningRate), "SGD learning rate."),
        Trainer("--momentum", nameof(DynamicSparseTrainer.Options.Momentum), "SGD momentum."),
        Trainer("--weight-decay", nameof(DynamicSparseTrainer.Options.WeightDecay), "Weight decay."),
        Trainer("--batch-size", nameof(DynamicSparseTrainer.Options.BatchSize), "Minibatch size."),
        Trainer("--batch-norm", nameof(DynamicSparseTrainer.Options.BatchNorm), "Batch normalisation after each hidden layer."),
        Trainer("--k-winners", nameof(DynamicSparseTrainer.Options.UseKWinners), "k-winners-take-all activations."),
        Trainer("--noise-std", nameof(DynamicSparseTrainer.Options.NoiseStd), "Also measure validation accuracy under Gaussian noise of this std."),
    ];

    private static Setting Sweep(string flag, string member, string description) =>
        Setting.Of<SparseSettings, SparseSettings>(flag, member, description, s => s);

    private static Setting Trainer(string flag, string member, string description) =>
        Setting.Of<SparseSettings, DynamicSparseTrainer.Options>(flag, member, description, s => s.Trainer);

    protected override ExperimentOutcome Run(SparseSettings settings, ExperimentContext context)
    {
        var train = MnistSets.Load(settings.Data, MnistSplit.Train, settings.Train);
        var test = MnistSets.Load(settings.Data, MnistSplit.Test, settings.Test);
        var grid = new SweepGrid(settings.TrialSeeds)
            .Add(nameof(DynamicSparseTrainer.Options.HebbianPrunePercent), [.. settings.HebbianPrune.Cast<object?>()])
            .Add(nameof(DynamicSparseTrainer.Options.WeightPrunePercent), [.. settings.WeightPrune.Cast<object?>()])
            .Add(nameof(DynamicSparseTrainer.Options.HebbianGrow), [.. settings.HebbianGrow.Cast<object?>()]);
        var trials = grid.Trials(settings.Trainer);
        string directory = context.Folder.File(TrialsFolder);
        context.Log($"{trials.Count} trials of {settings.Trainer.Epochs} epochs on {train.Count} training and {test.Count} validation images");

        var bar = context.Progress.StartTask("sweep", trials.Count);
        var clock = Stopwatch.StartNew();
        var finished = new ConcurrentDictionary<int, TrialResult>();
        bool cancelled = false;
        try
        {
            // One runner call per trial, so that the trials finished before a Ctrl+C are still in hand.
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = settings.Parallel > 0 ? settings.Parallel : Environment.ProcessorCount,
                CancellationToken = context.Cancellation,
            };
            Parallel.For(0, trials.Count, parallel, i =>
            {
                finished[i] = SweepRunner.Run([trials[i]], train, test, directory, 1, null, context.Cancellation)[0];
                string line = $"trial {finished.Count}/{trials.Count} done: {trials[i].Id}, validation accuracy max " +
                              $"{TrialSummary.Of(finished[i], SweepMetric.ValidationAccuracy).Max:F4}";
                context.Log(line);
                bar.Report(finished.Count, line);
            });
            bar.Complete();
        }
        catch (Exception e) when (context.Cancellation.IsCancellationRequested && IsCancellation(e))
        {
            cancelled = true;
            context.Log($"sweep cancelled: {finished.Count} of {trials.Count} trials finished");
        }
        var results = finished.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        context.Log($"sweep wall time {ProgressText.Duration(clock.Elapsed)}");
        var points = SweepPoint.Group(results);
        return new ExperimentOutcome(Primary, [.. points.Select(p => p.ToResult(Primary))], cancelled,
            html => SweepReport.Add(html, results, points, settings.Trainer.NoiseStd > 0));
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(x => x is OperationCanceledException));
}
