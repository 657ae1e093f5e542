using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.BpSom;

/// <summary>The original BP-SOM trainer (Weijters 1995): an MLP of logistic units trained online by backprop, whose hidden
/// layers are pulled toward the prototypes of class-labelled self-organizing maps. Create it with
/// <c>ml.MulticlassClassification.Trainers.BpSom(options)</c>. The label must be a key; features a known-size Single vector,
/// best scaled to [0, 1]. The whole training set is read into memory once.</summary>
public sealed partial class BpSomTrainer : MulticlassTrainerBase<BpSomModelParameters>
{
    private const int ReadBatchSize = 1024;
    private readonly Options _options;
    private CancellationToken _cancellation;

    internal BpSomTrainer(MLContext context, Options options)
        : base(context.Register(nameof(BpSomTrainer), Validated(options).Seed), TrainerShapes.FloatVectorFeatures(options.FeatureColumnName),
            options.LabelColumnName)
    {
        _options = options;
    }

    public override TrainerInfo Info { get; } = new(normalization: true, caching: true, supportValid: true);

    /// <summary>Trains with a validation set for model selection and early stopping (without one, the training set is used),
    /// stopping with <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires or
    /// <see cref="MLContext.CancelExecution"/> is called.</summary>
    public MulticlassPredictionTransformer<BpSomModelParameters> Fit(IDataView trainData, IDataView? validationData,
        CancellationToken cancellation = default)
    {
        _cancellation = cancellation;
        try
        {
            return TrainTransformer(trainData, validationData);
        }
        finally
        {
            _cancellation = default;
        }
    }

    protected override BpSomModelParameters TrainModelCore(TrainContext context)
    {
        _options.Validate();
        var trainingReader = context.CreateMiniBatchReader();
        var training = ReadExamples(trainingReader, "training");
        BpSomExamples? validation = null;
        if (context.ValidationSet is not null)
        {
            var validationReader = context.CreateMiniBatchReader(validation: true);
            if (validationReader.ClassCount != trainingReader.ClassCount)
                throw new ArgumentException(
                    $"The validation label '{_options.LabelColumnName}' has {validationReader.ClassCount} classes, the training label {trainingReader.ClassCount}; " +
                    "build both key mappings from the same data.", "validationData");
            validation = ReadExamples(validationReader, "validation");
        }

        var learner = new BpSomLearner(_options, training.FeatureCount, training.ClassCount, Host.Rand.Next());
        using var channel = Host.Start("Training");
        channel.Info($"BP-SOM {training.FeatureCount}-{string.Join('-', _options.HiddenLayerSizes)}-{training.ClassCount}, {training.Count} examples, "
            + FormattableString.Invariant($"{_options.SomGridSize}×{_options.SomGridSize} SOM, α {_options.SomErrorWeight}, at most {_options.NumberOfEpochs} epochs"));
        using var progress = Host.StartProgressChannel("Training");
        BpSomEpochStatistics? last = null;
        progress.SetHeader(new ProgressHeader(["loss", "accuracy", "SOM usage %", "hidden units", "validation accuracy"], ["epochs"]), entry =>
        {
            if (last is null) return;
            entry.SetProgress(0, last.Epoch, _options.NumberOfEpochs);
            entry.SetMetric(0, last.Loss);
            entry.SetMetric(1, last.TrainingAccuracy);
            entry.SetMetric(2, last.SomUsagePercent);
            entry.SetMetric(3, last.HiddenLayerSizes.Sum());
            if (last.ValidationAccuracy is { } validationAccuracy) entry.SetMetric(4, validationAccuracy);
        });
        learner.Train(training, validation,
            epoch =>
            {
                last = epoch;
                progress.Checkpoint();
                channel.Trace(epoch.ToString());
            },
            () =>
            {
                _cancellation.ThrowIfCancellationRequested();
                Host.CheckAlive();
            });
        var best = learner.History.LastOrDefault(epoch => epoch.IsBest);
        channel.Info(best is null
            ? $"Training ended after {learner.History.Count} epochs without a validation pass; the final network is kept."
            : $"Training ended after {learner.History.Count} epochs; kept the network of epoch {best.Epoch}.");
        return new BpSomModelParameters(learner.Network, learner.History);
    }

    /// <summary>Reads a whole data set into the arrays the online trainer walks in every epoch.</summary>
    private BpSomExamples ReadExamples(MiniBatchReader reader, string role)
    {
        var features = new float[ReadBatchSize * reader.FeatureCount];
        var labels = new List<int>();
        foreach (var batch in reader.Read(ReadBatchSize, shuffle: null, _cancellation))
        {
            int needed = (labels.Count + batch.Count) * reader.FeatureCount;
            if (needed > features.Length) Array.Resize(ref features, Math.Max(needed, 2 * features.Length));
            batch.Features.CopyTo(features.AsSpan(labels.Count * reader.FeatureCount));
            foreach (int classIndex in batch.Labels) labels.Add(classIndex + 1);
            Host.CheckAlive();
        }
        if (labels.Count == 0) throw new ArgumentException($"The {role} data has no rows.", role == "training" ? "trainData" : "validationData");
        Array.Resize(ref features, labels.Count * reader.FeatureCount);
        return new BpSomExamples(features, labels.ToArray(), reader.FeatureCount, reader.ClassCount);
    }

    private static Options Validated(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
