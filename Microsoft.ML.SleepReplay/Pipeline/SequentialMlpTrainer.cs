using Microsoft.ML.Datasets;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Multiclass trainer for a bias-free ReLU MLP trained task after task (ALGORITHMS.md B.2). Besides
/// <see cref="TrainerEstimatorBase{TTransformer, TModel}.Fit(IDataView)"/>, <see cref="Fit(IDataView, MlpModelParameters)"/>
/// continues training from a previous model (the next task, or after sleep).
/// </summary>
public sealed class SequentialMlpTrainer : MulticlassTrainerBase<MlpModelParameters>
{
    /// <summary>Options: column names, the network and SGD settings, and output masking.</summary>
    public sealed class Options
    {
        public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

        public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

        public MlpTrainingOptions Training { get; set; } = new();

        /// <summary>Leave classes absent from the training data out of the loss (sequential training with masked outputs).</summary>
        public bool MaskAbsentClasses { get; set; }
    }

    private readonly Options _options;
    private readonly MlpModelParameters? _initialModel;

    internal SequentialMlpTrainer(MLContext context, Options options)
        : this(context.Register(nameof(SequentialMlpTrainer)), Checked(options), initialModel: null)
    {
    }

    private SequentialMlpTrainer(IHost host, Options options, MlpModelParameters? initialModel)
        : base(host, TrainerShapes.FloatVectorFeatures(options.FeatureColumnName), options.LabelColumnName)
    {
        _options = options;
        _initialModel = initialModel;
    }

    public override TrainerInfo Info { get; } = new(normalization: false, caching: true, supportIncrementalTrain: true);

    /// <summary>Trains a copy of <paramref name="initialModel"/> further on <paramref name="trainData"/>.</summary>
    public MulticlassPredictionTransformer<MlpModelParameters> Fit(IDataView trainData, MlpModelParameters initialModel)
    {
        ArgumentNullException.ThrowIfNull(initialModel);
        return new SequentialMlpTrainer(Host, _options, initialModel).Fit(trainData);
    }

    private static Options Checked(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Training);
        options.Training.Validate();
        return options;
    }

    protected override MlpModelParameters TrainModelCore(TrainContext context)
    {
        var reader = context.CreateMiniBatchReader();
        var features = new List<float>();
        var labels = new List<int>();
        foreach (var batch in reader.Read(batchSize: 1024))
        {
            Host.CheckAlive();
            features.AddRange(batch.Features);
            labels.AddRange(batch.Labels);
        }
        var data = new LabeledSet(features.ToArray(), labels.ToArray(), reader.FeatureCount);
        var rng = new Random(Host.Rand.Next());

        MlpNetwork network;
        if (_initialModel is null)
        {
            network = _options.Training.CreateNetwork(reader.FeatureCount, reader.ClassCount, rng);
        }
        else
        {
            network = _initialModel.GetNetwork();
            if (network.InputSize != reader.FeatureCount || network.OutputSize != reader.ClassCount)
                throw new ArgumentException(
                    $"The initial model maps {network.InputSize} features to {network.OutputSize} classes, but the data has {reader.FeatureCount} features and {reader.ClassCount} classes.");
        }

        bool[]? active = null;
        if (_options.MaskAbsentClasses)
        {
            active = new bool[network.OutputSize];
            foreach (int y in data.Labels) active[y] = true;
        }

        using var channel = Host.Start("Train");
        var progress = new EpochLog(channel, Host);
        new MlpSgdTrainer(_options.Training).Train(network, data, rng, active, progress);
        return new MlpModelParameters(network);
    }

    /// <summary>Logs each epoch's loss and checks for cancellation between epochs.</summary>
    private sealed class EpochLog(IChannel channel, IHost host) : IProgress<MlpTrainingProgress>
    {
        public void Report(MlpTrainingProgress value)
        {
            channel.Info($"epoch {value.Epoch}/{value.Epochs}: mean loss {value.MeanLoss:F5}");
            host.CheckAlive();
        }
    }
}
