using System.Diagnostics;
using Microsoft.ML.BpSom;
using Microsoft.ML.Data;
using Microsoft.ML.Datasets;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Progress;
using Microsoft.ML.Experiments.Reporting;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Runtime;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Experiments.Verbs.Glue;

/// <summary><c>glue</c>: the BP-SOM BERT text classifier on SST-2, MRPC or CoLA against the same network without the SOM
/// error, trained on the task's training set, early-stopped and evaluated on its dev set (GLUE's test labels are hidden).</summary>
public sealed class GlueVerb : Verb<GlueSettings>
{
    public override string Name => "glue";
    public override string Description => "The BP-SOM BERT text classifier on a GLUE task (SST-2, MRPC, CoLA) against its baseline.";

    public override IReadOnlyList<Setting> Settings { get; } =
    [
        .. CommonSettings.For<GlueSettings>(),
        .. BpSomSettings.For<GlueSettings>(typeof(BpSomTextClassificationTrainer.Options), s => s.Trainer),
        Run("--task", nameof(GlueSettings.Task), "GLUE task: sst2, mrpc or cola.", "task.name"),
        Run("--max-train", nameof(GlueSettings.MaxTrain), "Training rows (a seeded random subset; 0 = all), for smoke runs."),
        Run("--max-dev", nameof(GlueSettings.MaxDev), "Dev rows evaluated (the first N; 0 = all)."),
        Run("--model", nameof(GlueSettings.ModelName), "A checkpoint folder or a BERT name (its size is used for a random encoder).", "model.name"),
        Text("--checkpoint", nameof(BpSomTextClassificationTrainer.Options.BertCheckpointFolder), "Hugging Face BERT folder to start from (default: random init)."),
        Text("--bert-size", nameof(BpSomTextClassificationTrainer.Options.BertSize), "Size of the random encoder: tiny, mini, small, medium or base."),
        Text("--vocabulary", nameof(BpSomTextClassificationTrainer.Options.VocabularyPath),
            "WordPiece vocab.txt (default: the checkpoint's, else shared/models/bert-base-uncased-vocab)."),
        Text("--max-sequence-length", nameof(BpSomTextClassificationTrainer.Options.MaxSequenceLength), "Tokens per example, special tokens included.",
            "model.max_length"),
        Text("--batch-size", nameof(BpSomTextClassificationTrainer.Options.BatchSize), "Examples per step.", "training.batch_size"),
        Text("--warmup-steps", nameof(BpSomTextClassificationTrainer.Options.WarmupSteps), "Linear warm-up steps (default: --warmup-fraction of all steps).",
            "training.warmup_steps"),
        Text("--warmup-fraction", nameof(BpSomTextClassificationTrainer.Options.WarmupFraction), "Warm-up as a fraction of all steps."),
        Text("--weight-decay", nameof(BpSomTextClassificationTrainer.Options.WeightDecay), "AdamW weight decay.", "training.weight_decay"),
        Text("--hidden-size", nameof(BpSomTextClassificationTrainer.Options.HiddenSize), "Units of the BP-SOM hidden layer.", "bpsom.hidden_size"),
        Text("--dropout", nameof(BpSomTextClassificationTrainer.Options.Dropout), "Dropout before the classifier."),
    ];

    private static Setting Run(string flag, string member, string description, params YamlKey[] yaml) =>
        Setting.Of<GlueSettings, GlueSettings>(flag, member, description, s => s, yaml);

    private static Setting Text(string flag, string member, string description, params YamlKey[] yaml) =>
        Setting.Of<GlueSettings, BpSomTextClassificationTrainer.Options>(flag, member, description, s => s.Trainer, yaml);

    protected override ExperimentOutcome Run(GlueSettings settings, ExperimentContext context)
    {
        var loader = new MLContext(settings.Seed);
        var task = GlueTasks.Task(settings.Task);
        var train = loader.Data.LoadGlue(task, GlueSplit.Train, settings.Data);
        if (settings.MaxTrain > 0)
            train = loader.Data.TakeRows(loader.Data.ShuffleRows(train, settings.Seed), settings.MaxTrain);
        var dev = loader.Data.LoadGlue(task, GlueSplit.Dev, settings.Data);
        if (settings.MaxDev > 0)
            dev = loader.Data.TakeRows(dev, settings.MaxDev);
        var options = settings.Trainer;
        context.Log($"GLUE {task}: {(settings.MaxTrain > 0 ? $"{settings.MaxTrain} training rows" : "all training rows")}, " +
                    $"{(settings.MaxDev > 0 ? $"{settings.MaxDev}" : "all")} dev rows; encoder " +
                    (options.BertCheckpointFolder is { } folder ? $"from {folder}" : $"BERT-{options.BertSize}, random init") +
                    $", hidden {options.HiddenSize}, {options.SomGridSize}×{options.SomGridSize} SOM, α {options.SomErrorWeight}, " +
                    $"at most {options.NumberOfEpochs} epochs, lr {options.LearningRate}");

        var results = new List<TrainerResult>();
        var soms = new List<TrainedSoms>();
        bool cancelled = false;
        // Both trainers share the options object; the baseline differs only by its Baseline flag, set for its run.
        foreach (string name in TrainerModes.Trainers(settings.Mode))
        {
            options.Baseline = name == TrainerModes.BaselineName;
            try
            {
                var (result, model) = Train(name, settings, train, dev, context);
                results.Add(result);
                soms.Add(TrainedSoms.Of(name, model));
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                context.Log($"{name}: cancelled");
                cancelled = true;
                break;
            }
        }
        options.Baseline = false;
        return new ExperimentOutcome(GlueTasks.PrimaryMetric(settings.Task), results, cancelled,
            report => BpSomReport.Add(report, results, soms, "cross-entropy"));
    }

    private static (TrainerResult, BpSomTextModelParameters) Train(string name, GlueSettings settings, IDataView train, IDataView dev,
        ExperimentContext context)
    {
        var ml = new MLContext(settings.Seed);
        ml.Log += (_, e) =>
        {
            if (e.Kind >= ChannelMessageKind.Info && e.Source.StartsWith("BpSomText", StringComparison.Ordinal))
                context.Log($"{name}: {e.RawMessage}");
        };
        IProgressTask? bar = null;
        var progress = new LineProgress<TextTrainingProgress>(p =>
        {
            bar ??= context.Progress.StartTask(name, (double)p.Epochs * p.BatchesPerEpoch);
            bar.Report(((p.Epoch - 1) * (double)p.BatchesPerEpoch) + p.Batch,
                FormattableString.Invariant($"epoch {p.Epoch}/{p.Epochs}, batch {p.Batch}/{p.BatchesPerEpoch}, loss {p.Loss:F4}, accuracy {100 * p.Accuracy:F1}%, {p.ExamplesPerSecond:F0} ex/s"));
        });
        var keys = ml.Transforms.Conversion.MapValueToKey(GlueCatalog.LabelColumnName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(train);
        var trainer = ml.MulticlassClassification.Trainers.BpSomTextClassification(settings.Trainer);
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(keys.Transform(train), keys.Transform(dev), progress, context.Cancellation);
        var elapsed = clock.Elapsed;
        bar?.Complete();

        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(keys.Transform(dev)));
        string modelFile = context.Folder.File($"model-{name}.zip");
        ml.Model.Save(keys.Append(model), train.Schema, modelFile);
        var confusion = ConfusionTable.From(metrics.ConfusionMatrix);
        int positive = confusion.Classes.ToList().IndexOf("1");
        var result = new TrainerResult(name,
        [
            new Metric(GlueTasks.Accuracy, metrics.MicroAccuracy),
            new Metric("macro accuracy", metrics.MacroAccuracy),
            new Metric(GlueTasks.F1, positive >= 0 ? GlueMetrics.F1Score(metrics.ConfusionMatrix, positive) : double.NaN),
            new Metric(GlueTasks.Matthews, GlueMetrics.MatthewsCorrelation(metrics.ConfusionMatrix)),
            new Metric("log loss", metrics.LogLoss, HigherIsBetter: false),
        ], elapsed, modelFile, new FileInfo(modelFile).Length, confusion, [.. model.Model.History.Select(History)]);
        context.Log($"{name}: dev accuracy {100 * metrics.MicroAccuracy:F2}%, F1 {result[GlueTasks.F1]:F4}, MCC {result[GlueTasks.Matthews]:F4}, " +
                    $"{model.Model.History.Count} epochs, hidden {model.Model.HiddenSize}, {ProgressText.Duration(elapsed)}");
        return (result, model.Model);
    }

    private static IReadOnlyDictionary<string, object?> History(BpSomTextEpochStatistics epoch) => new Dictionary<string, object?>
    {
        ["epoch"] = epoch.Epoch,
        ["loss"] = epoch.TrainingLoss,
        ["trainAccuracy"] = epoch.TrainingAccuracy,
        ["validationLoss"] = epoch.ValidationLoss,
        ["validationAccuracy"] = epoch.ValidationAccuracy,
        ["somUsagePercent"] = epoch.SomUsagePercent,
        ["prunedUnits"] = epoch.PrunedUnits,
        ["totalPrunedUnits"] = epoch.TotalPrunedUnits,
        ["hiddenUnits"] = epoch.HiddenSize,
        ["somLearningRate"] = (double)epoch.SomLearningRate,
        ["somRadius"] = epoch.SomRadius,
        ["seconds"] = epoch.Seconds,
        ["best"] = epoch.IsBest,
    };
}
