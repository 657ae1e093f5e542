using Microsoft.ML.Datasets;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Multiclass trainer for a dynamic sparse MLP with Hebbian and magnitude pruning and regrowth (ALGORITHMS.md part C).
/// <see cref="Fit(IDataView, IDataView)"/> also records validation accuracy per epoch. The per-epoch history is on
/// the trained <see cref="DynamicSparseModelParameters.History"/>.
/// </summary>
public sealed class DynamicSparseTrainer : MulticlassTrainerBase<DynamicSparseModelParameters>
{
    private readonly Options _options;

    internal DynamicSparseTrainer(MLContext context, Options options)
        : base(context.Register(nameof(DynamicSparseTrainer)), TrainerShapes.FloatVectorFeatures(Checked(options).FeatureColumnName),
            options.LabelColumnName)
    {
        _options = options;
    }

    public override TrainerInfo Info { get; } = new(normalization: false, caching: true);

    /// <summary>Trains on <paramref name="trainData"/>, measuring accuracy on <paramref name="validationData"/> after each epoch.</summary>
    public MulticlassPredictionTransformer<DynamicSparseModelParameters> Fit(IDataView trainData, IDataView validationData) =>
        TrainTransformer(trainData, validationData);

    private static Options Checked(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    protected override DynamicSparseModelParameters TrainModelCore(TrainContext context)
    {
        var train = Read(context.CreateMiniBatchReader());
        var validation = context.ValidationSet is null ? null : Read(context.CreateMiniBatchReader(validation: true));
        using var channel = Host.Start("Train");
        var progress = new EpochLog(channel, Host);
        int seed = _options.Seed ?? Host.Rand.Next();
        var random = new Random(seed);
        var network = SparseMlp.Create(_options.Shape(train.FeatureCount, context.ClassCount), _options.OnPercent, random);
        var result = DynamicSparseTraining.Continue(network, train, validation, _options, random, progress, CancellationToken.None);
        return new DynamicSparseModelParameters(result.Network, result.History);
    }

    private LabeledSet Read(MiniBatchReader reader)
    {
        var features = new List<float>();
        var labels = new List<int>();
        foreach (var batch in reader.Read(batchSize: 1024))
        {
            Host.CheckAlive();
            features.AddRange(batch.Features);
            labels.AddRange(batch.Labels);
        }
        return new LabeledSet(features.ToArray(), labels.ToArray(), reader.FeatureCount);
    }

    /// <summary>Logs each epoch and honours <see cref="MLContext.CancelExecution"/> between epochs.</summary>
    private sealed class EpochLog(IChannel channel, IHost host) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value)
        {
            string validation = value.ValidationAccuracy is { } v ? $", validation accuracy {v:F4}" : "";
            string density = string.Join(" ", value.Layers.Select(l => $"{l.Density:F3}(-{l.Pruned}/+{l.Regrown})"));
            channel.Info($"epoch {value.Epoch}: loss {value.TrainLoss:F4}, train accuracy {value.TrainAccuracy:F4}{validation}, density {density}");
            host.CheckAlive();
        }
    }

    /// <summary>Options (defaults: ALGORITHMS.md C.2-C.3, run neurips_debug).</summary>
    public sealed class Options
    {
        public string LabelColumnName { get; set; } = DefaultColumnNames.Label;
        public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

        /// <summary>Hidden layer sizes.</summary>
        public int[] HiddenLayers { get; set; } = [100, 100, 100];
        public bool BatchNorm { get; set; } = true;
        public bool UseKWinners { get; set; }
        public double KWinnersPercentOn { get; set; } = 0.25;
        public double BoostStrength { get; set; } = 1.4;
        /// <summary>Multiplies the boost strength once per epoch.</summary>
        public double BoostStrengthFactor { get; set; } = 0.7;
        public double KInferenceFactor { get; set; } = 1.5;
        public int DutyCyclePeriod { get; set; } = 1000;

        /// <summary>Fraction of each layer's weights that are connections (fixed across epochs).</summary>
        public double OnPercent { get; set; } = 0.2;
        /// <summary>τ; null or 0 switches Hebbian pruning off.</summary>
        public double? HebbianPrunePercent { get; set; }
        /// <summary>ζ; null or 0 switches magnitude pruning off.</summary>
        public double? WeightPrunePercent { get; set; } = 0.3;
        public bool HebbianGrow { get; set; } = true;

        public double LearningRate { get; set; } = 0.1;
        public double Momentum { get; set; } = 0.9;
        public double WeightDecay { get; set; } = 1e-4;
        /// <summary>Epochs after which the learning rate is multiplied by <see cref="Gamma"/> (MultiStepLR).</summary>
        public int[] Milestones { get; set; } = [30, 60, 90];
        public double Gamma { get; set; } = 0.1;
        public int Epochs { get; set; } = 30;
        public int BatchSize { get; set; } = 128;

        /// <summary>Seed of initialisation, masks, shuffling and random growth; null draws one from the MLContext.</summary>
        public int? Seed { get; set; }

        /// <summary>When positive, also measures validation accuracy on images with Gaussian noise of this std.</summary>
        public double NoiseStd { get; set; }

        internal PruneGrowSettings PruneGrow => new(HebbianPrunePercent, WeightPrunePercent, HebbianGrow);

        internal NetworkShape Shape(int features, int classes) =>
            new([features, .. HiddenLayers, classes], BatchNorm, UseKWinners, KWinnersPercentOn, BoostStrength, KInferenceFactor, DutyCyclePeriod);

        /// <summary>The multi-step learning rate of a 1-based epoch: one factor γ per milestone already passed.</summary>
        public double LearningRateAt(int epoch) => LearningRate * Math.Pow(Gamma, Milestones.Count(m => m <= epoch - 1));

        /// <summary>A copy (for sweeps that vary one property per trial).</summary>
        public Options Clone()
        {
            var copy = (Options)MemberwiseClone();
            copy.HiddenLayers = (int[])HiddenLayers.Clone();
            copy.Milestones = (int[])Milestones.Clone();
            return copy;
        }

        internal void Validate()
        {
            ArgumentException.ThrowIfNullOrEmpty(LabelColumnName);
            ArgumentException.ThrowIfNullOrEmpty(FeatureColumnName);
            if (HiddenLayers is null || HiddenLayers.Any(h => h <= 0))
                throw new ArgumentException("HiddenLayers must hold positive sizes.", nameof(HiddenLayers));
            if (!(OnPercent > 0 && OnPercent <= 1))
                throw new ArgumentOutOfRangeException(nameof(OnPercent), OnPercent, "OnPercent must lie in (0, 1].");
            PruneGrow.Validate();
            Positive(LearningRate, nameof(LearningRate));
            if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must lie in [0, 1).");
            if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must be ≥ 0.");
            Positive(Gamma, nameof(Gamma));
            ArgumentNullException.ThrowIfNull(Milestones);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs);
            if (BatchSize < 2) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 2.");
            if (!(NoiseStd >= 0)) throw new ArgumentOutOfRangeException(nameof(NoiseStd), NoiseStd, "NoiseStd must be ≥ 0.");
            Shape(1, 1).Validate();
        }

        private static void Positive(double value, string name)
        {
            if (!(value > 0)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
