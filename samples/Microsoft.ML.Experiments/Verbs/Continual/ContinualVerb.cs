using Microsoft.ML.Datasets;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Progress;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Reports;
using Microsoft.ML.SleepReplay;

namespace Microsoft.ML.Experiments.Verbs.Continual;

/// <summary><c>continual</c>: the incremental-MNIST protocol (tasks {0,1}, {2,3}, …): Sleep Replay Consolidation against
/// sequential training, masked outputs, joint (parallel) training and model merging.</summary>
public sealed class ContinualVerb : Verb<ContinualSettings>
{
    private const string Overall = "overall accuracy";

    public override string Name => "continual";
    public override string Description => "Sleep Replay Consolidation on incremental MNIST against its baselines.";

    public override IReadOnlyList<Setting> Settings { get; } =
    [
        .. CommonSettings.For<ContinualSettings>(),
        Protocol("--approaches", nameof(ContinualLearningOptions.Approaches), "Approaches to run, comma-separated."),
        Protocol("--per-task", nameof(ContinualLearningOptions.TrainPerTask), "Training images per task."),
        Protocol("--validation-per-task", nameof(ContinualLearningOptions.ValidationPerTask), "Validation images per task (carved from training)."),
        Protocol("--low-rank", nameof(ContinualLearningOptions.LowRank), "Rank kept by low-rank merging."),
        Protocol("--sleep-data", nameof(ContinualLearningOptions.SleepData), "What a sleep replays: the current task or all tasks so far."),
        Protocol("--sleep-iterations-increase", nameof(ContinualLearningOptions.SleepIterationsIncreasePerTask), "Extra sleep steps per task."),
        Training("--hidden", nameof(MlpTrainingOptions.HiddenLayers), "Hidden layer widths, comma-separated."),
        Training("--epochs", nameof(MlpTrainingOptions.Epochs), "Epochs per task."),
        Training("--batch-size", nameof(MlpTrainingOptions.BatchSize), "Minibatch size."),
        Training("--learning-rate", nameof(MlpTrainingOptions.LearningRate), "SGD learning rate."),
        Training("--momentum", nameof(MlpTrainingOptions.Momentum), "SGD momentum."),
        Training("--dropout", nameof(MlpTrainingOptions.DropoutRate), "Dropout rate of the hidden layers."),
        Sleep("--sleep-iterations", nameof(SleepOptions.Iterations), "Spiking steps of the first sleep."),
        Sleep("--sleep-threshold", nameof(SleepOptions.Threshold), "Firing threshold."),
        Sleep("--sleep-decay", nameof(SleepOptions.Decay), "Membrane decay per step."),
        Sleep("--sleep-increase", nameof(SleepOptions.Increase), "STDP increase."),
        Sleep("--sleep-decrease", nameof(SleepOptions.Decrease), "STDP decrease."),
        Sleep("--sleep-alpha-scale", nameof(SleepOptions.AlphaScale), "Scale of the per-layer input factors α."),
        Sleep("--sleep-max-rate", nameof(SleepOptions.MaxRate), "Maximum input firing rate."),
        Setting.Of<ContinualSettings, ContinualSettings>("--test", nameof(ContinualSettings.Test), "Test images read (the first N; 0 = all).", s => s),
    ];

    private static Setting Protocol(string flag, string member, string description) =>
        Setting.Of<ContinualSettings, ContinualLearningOptions>(flag, member, description, s => s.Protocol);

    private static Setting Training(string flag, string member, string description) =>
        Setting.Of<ContinualSettings, MlpTrainingOptions>(flag, member, description, s => s.Protocol.Training);

    private static Setting Sleep(string flag, string member, string description) =>
        Setting.Of<ContinualSettings, SleepOptions>(flag, member, description, s => s.Protocol.Sleep);

    protected override ExperimentOutcome Run(ContinualSettings settings, ExperimentContext context)
    {
        var train = MnistSets.Load(settings.Data, MnistSplit.Train, 0);
        var test = MnistSets.Load(settings.Data, MnistSplit.Test, settings.Test);
        var ml = new MLContext(settings.Seed);
        // The saved models take rows with the schema LoadMnist gives (the test file is small to read again).
        var models = new ContinualModels(ml, ml.Data.LoadMnist(MnistSplit.Test, settings.Data).Schema, context.Folder);
        var options = settings.Protocol;
        var bar = context.Progress.StartTask("protocol", options.Approaches.Length);
        var finished = new List<ApproachResult>();
        var results = new List<TrainerResult>();
        var log = new LineProgress<string>(line =>
        {
            context.Log(line);
            bar.Report(finished.Count, line);
        });
        // Each approach is kept (and its model saved) as soon as it finishes, so a Ctrl+C later in the run loses only the
        // approach under way.
        var approachFinished = new LineProgress<ApproachResult>(approach =>
        {
            finished.Add(approach);
            string? modelFile = models.Save(approach);
            results.Add(Result(approach, options.Tasks, modelFile));
            string line = $"{approach.Approach}: finished ({finished.Count}/{options.Approaches.Length})" + (modelFile is null ? "" : $", model {Path.GetFileName(modelFile)}");
            context.Log(line);
            bar.Report(finished.Count, line);
        });

        ContinualLearningReport report;
        string[] notRun = [];
        bool cancelled = false;
        try
        {
            report = new ContinualLearningProtocol(options, log).Run(train, test, approachFinished, context.Cancellation);
            bar.Complete();
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            cancelled = true;
            // The protocol runs the approaches in the order listed and hands over each one as it finishes.
            notRun = [.. options.Approaches.Skip(finished.Count).Select(a => a.ToString())];
            context.Log($"continual: cancelled after {finished.Count} of {options.Approaches.Length} approaches; not run: {string.Join(", ", notRun)}");
            report = new ContinualLearningReport(options.Tasks, finished);
        }
        if (report.Approaches.Count > 0)
            context.Log(report.FormatFinalTable());
        return new ExperimentOutcome(Overall, results, cancelled, html => ContinualReport.Add(html, report, notRun)) { NotRun = notRun };
    }

    private static TrainerResult Result(ApproachResult approach, IReadOnlyList<int[]> tasks, string? modelFile)
    {
        var metrics = new List<Metric> { new(Overall, approach.Final.Overall) };
        for (int t = 0; t < tasks.Count; t++)
            metrics.Add(new Metric(ContinualReport.TaskName(tasks[t]), approach.Final.PerTask[t]));
        var history = approach.Rows.Select(row => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["afterTask"] = row.AfterTask + 1,
            ["overall"] = row.Overall,
            ["seen"] = row.Seen,
            ["perTask"] = row.PerTask,
            ["stableRanks"] = approach.StableRanks[Math.Min(row.AfterTask, approach.StableRanks.Count - 1)],
        }).ToArray();
        return new TrainerResult(approach.Approach.ToString(), metrics, approach.Elapsed, modelFile,
            modelFile is null ? null : new FileInfo(modelFile).Length, null, history);
    }
}
