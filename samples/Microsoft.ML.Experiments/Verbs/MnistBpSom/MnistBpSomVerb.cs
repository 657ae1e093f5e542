using System.Diagnostics;
using Microsoft.ML.BpSom;
using Microsoft.ML.Data;
using Microsoft.ML.Datasets;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Reporting;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Runtime;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Experiments.Verbs.MnistBpSom;

/// <summary><c>mnist-bpsom</c>: the original BP-SOM trainer (784-hidden-10 logistic MLP with a SOM per hidden layer) on MNIST;
/// baseline = the same network and seed with α = 0.</summary>
public sealed class MnistBpSomVerb : Verb<MnistBpSomSettings>
{
    public override string Name => "mnist-bpsom";
    public override string Description => "The original BP-SOM trainer on MNIST, against the same network without the SOM error (α = 0).";

    public override IReadOnlyList<Setting> Settings { get; } =
    [
        .. CommonSettings.For<MnistBpSomSettings>(),
        .. BpSomSettings.For<MnistBpSomSettings>(typeof(BpSomTrainer.Options), s => s.Trainer),
        Setting.Of<MnistBpSomSettings, MnistBpSomSettings>("--train", nameof(MnistBpSomSettings.Train), "Training images (the first N).", s => s),
        Setting.Of<MnistBpSomSettings, MnistBpSomSettings>("--validation", nameof(MnistBpSomSettings.Validation),
            "Validation images (the N after the training images).", s => s),
        Setting.Of<MnistBpSomSettings, MnistBpSomSettings>("--test", nameof(MnistBpSomSettings.Test), "Test images evaluated (the first N).", s => s),
        Setting.Of<MnistBpSomSettings, BpSomTrainer.Options>("--hidden-sizes", nameof(BpSomTrainer.Options.HiddenLayerSizes),
            "Hidden layer sizes, comma-separated; each layer has its own SOM.", s => s.Trainer, "bpsom.hidden_size"),
        Setting.Of<MnistBpSomSettings, BpSomTrainer.Options>("--momentum", nameof(BpSomTrainer.Options.Momentum), "Momentum μ.", s => s.Trainer),
        Setting.Of<MnistBpSomSettings, BpSomTrainer.Options>("--test-ratio", nameof(BpSomTrainer.Options.TestRatio),
            "Labelling, validation and pruning run every N epochs.", s => s.Trainer),
        Setting.Of<MnistBpSomSettings, BpSomTrainer.Options>("--error-threshold", nameof(BpSomTrainer.Options.ErrorThreshold),
            "θ_e: examples with a smaller output error skip backprop.", s => s.Trainer),
        Setting.Of<MnistBpSomSettings, BpSomTrainer.Options>("--shuffle", nameof(BpSomTrainer.Options.Shuffle),
            "Visit the examples in a new random order each epoch.", s => s.Trainer),
        Setting.Of<MnistBpSomSettings, BpSomTrainer.Options>("--loss", nameof(BpSomTrainer.Options.Loss), "Output error.", s => s.Trainer),
    ];

    protected override ExperimentOutcome Run(MnistBpSomSettings settings, ExperimentContext context)
    {
        var loader = new MLContext(settings.Seed);
        var all = loader.Data.LoadMnist(MnistSplit.Train, settings.Data);
        var training = loader.Data.TakeRows(all, settings.Train);
        var validation = loader.Data.TakeRows(loader.Data.SkipRows(all, settings.Train), settings.Validation);
        var test = loader.Data.TakeRows(loader.Data.LoadMnist(MnistSplit.Test, settings.Data), settings.Test);
        context.Log($"MNIST: {settings.Train} training, {settings.Validation} validation, {settings.Test} test images; " +
                    $"784-{string.Join('-', settings.Trainer.HiddenLayerSizes)}-10, {settings.Trainer.SomGridSize}×{settings.Trainer.SomGridSize} SOM");

        // Both trainers share the options object; the baseline differs only by α = 0, set for its run and restored after.
        float alpha = settings.Trainer.SomErrorWeight;
        var results = new List<TrainerResult>();
        var models = new List<BpSomModelParameters>();
        bool cancelled = false;
        foreach (string name in TrainerModes.Trainers(settings.Mode))
        {
            settings.Trainer.SomErrorWeight = name == TrainerModes.BaselineName ? 0f : alpha;
            try
            {
                var (result, model) = Train(name, settings, training, validation, test, all.Schema, context);
                results.Add(result);
                models.Add(model);
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                context.Log($"{name}: cancelled");
                cancelled = true;
                break;
            }
        }
        settings.Trainer.SomErrorWeight = alpha;
        return new ExperimentOutcome("accuracy", results, cancelled, report => BpSomReport.Add(report, results,
            [.. results.Zip(models, (r, m) => TrainedSoms.Of(r.Name, m))], "Σ(t − a)² per example"));
    }

    private static (TrainerResult, BpSomModelParameters) Train(string name, MnistBpSomSettings settings, IDataView training, IDataView validation,
        IDataView test, DataViewSchema inputSchema, ExperimentContext context)
    {
        var ml = new MLContext(settings.Seed);
        var bar = context.Progress.StartTask(name, settings.Trainer.NumberOfEpochs);
        ml.Log += (_, e) =>
        {
            // The trainer traces one line per epoch ("epoch 5: loss …"); it is the only per-epoch signal it gives.
            if (e.Kind == ChannelMessageKind.Trace && e.Source.StartsWith(nameof(BpSomTrainer), StringComparison.Ordinal)
                && e.RawMessage.StartsWith("epoch ", StringComparison.Ordinal))
            {
                context.Log($"{name}: {e.RawMessage}");
                int epoch = EpochOf(e.RawMessage);
                bar.Report(epoch, $"epoch {epoch}/{settings.Trainer.NumberOfEpochs}");
            }
        };
        var keys = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(training);
        var trainer = ml.MulticlassClassification.Trainers.BpSom(settings.Trainer);
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(keys.Transform(training), keys.Transform(validation), context.Cancellation);
        var elapsed = clock.Elapsed;
        bar.Complete();

        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(keys.Transform(test)));
        string modelFile = context.Folder.File($"model-{name}.zip");
        ml.Model.Save(keys.Append(model), inputSchema, modelFile);
        var parameters = model.Model;
        context.Log($"{name}: test accuracy {100 * metrics.MicroAccuracy:F2}% after {parameters.History.Count} epochs, " +
                    $"hidden [{string.Join(' ', parameters.HiddenLayerSizes)}], {elapsed.TotalSeconds:F1} s");
        var result = new TrainerResult(name,
            [new Metric("accuracy", metrics.MicroAccuracy), new Metric("macro accuracy", metrics.MacroAccuracy)],
            elapsed, modelFile, new FileInfo(modelFile).Length, ConfusionTable.From(metrics.ConfusionMatrix),
            parameters.History.Select(History).ToArray());
        return (result, parameters);
    }

    private static int EpochOf(string line)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 6 && int.TryParse(line.AsSpan(6, colon - 6), out int epoch) ? epoch : 0;
    }

    private static IReadOnlyDictionary<string, object?> History(BpSomEpochStatistics epoch) => new Dictionary<string, object?>
    {
        ["epoch"] = epoch.Epoch,
        ["loss"] = epoch.Loss,
        ["trainAccuracy"] = epoch.TrainingAccuracy,
        ["validationAccuracy"] = epoch.ValidationAccuracy,
        ["validationLoss"] = epoch.ValidationError,
        ["somUsagePercent"] = epoch.SomUsagePercent,
        ["prunedUnits"] = epoch.PrunedUnits,
        ["hiddenUnits"] = epoch.HiddenLayerSizes.Sum(),
        ["somLearningRate"] = (double)epoch.SomLearningRate,
        ["somRadius"] = epoch.SomRadius,
        ["best"] = epoch.IsBest,
    };
}
