using Microsoft.ML.Data;
using Microsoft.ML.Neural;
using Microsoft.ML.Neural.Bert;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.BpSom;

/// <summary>What the multiclass and binary text trainers share: reading the data, building the encoder (a checkpoint or a random
/// BERT of the named size) and the BP-SOM head, training with logging, and the extra output columns' shapes.</summary>
internal static class BpSomTextTraining
{
    /// <summary>Shapes of the SomCell and SomReliability columns the model appends.</summary>
    public static SchemaShape.Column[] SomOutputShapes { get; } =
    [
        new(BpSomTextModelParameters.SomCellColumnName, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Int32, isKey: false),
        new(BpSomTextModelParameters.SomReliabilityColumnName, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, isKey: false),
    ];

    public static BpSomTextModelParameters Train(IHost host, BpSomTextClassificationTrainer.Options options, TrainContext context, bool isBinary,
        IProgress<TextTrainingProgress>? progress, CancellationToken cancellation)
    {
        options.Validate();
        int classCount = TextExamples.ClassCountOf(context.LabelColumn!.Value);
        if (classCount < 2) throw new ArgumentException($"The label '{options.LabelColumnName}' has {classCount} class; classification needs at least 2.");
        var training = TextExamples.Read(context.TrainingSet, "training", options.SentenceColumnName, options.SecondSentenceColumnName,
            options.LabelColumnName, cancellation);
        TextExamples? validation = null;
        if (context.ValidationSet is { } validationSet)
        {
            int validationClasses = TextExamples.ClassCountOf(validationSet.Schema[options.LabelColumnName]);
            if (validationClasses != classCount)
                throw new ArgumentException(
                    $"The validation label '{options.LabelColumnName}' has {validationClasses} classes, the training label {classCount}; " +
                    "build both key mappings from the same data.", "validationData");
            validation = TextExamples.Read(validationSet, "validation", options.SentenceColumnName, options.SecondSentenceColumnName,
                options.LabelColumnName, cancellation);
        }

        // One seed from the host; every random stream derives from it, so Baseline and BP-SOM runs with the same seed share
        // weights, prototypes, batch order and dropout masks and differ only by the SOM error.
        ulong seed = (ulong)host.Rand.Next();
        var network = CreateNetwork(options, classCount, seed);
        var learner = new BpSomTextLearner(options, network, training.Count, shuffle: new Generator(seed + 4), headDropout: new Generator(seed + 3));
        using var channel = host.Start("Training");
        var c = network.Encoder.Config;
        channel.Info(FormattableString.Invariant(
            $"BP-SOM text classifier{(options.Baseline ? " (baseline, no SOM error)" : "")}: BERT L{c.NumHiddenLayers} H{c.HiddenSize} → {options.HiddenSize} sigmoid units ({options.SomGridSize}×{options.SomGridSize} SOM, α {options.SomErrorWeight}) → {classCount} classes; ")
            + FormattableString.Invariant($"{training.Count} training rows, {learner.BatchesPerEpoch} batches of {options.BatchSize} per epoch, at most {options.NumberOfEpochs} epochs, lr {options.LearningRate}"));
        learner.Train(training, validation, progress, epoch => channel.Info(epoch.ToString()), () =>
        {
            cancellation.ThrowIfCancellationRequested();
            host.CheckAlive();
        });
        var best = learner.History.LastOrDefault(epoch => epoch.IsBest);
        channel.Info(best is null
            ? $"Training ended after {learner.History.Count} epochs."
            : $"Training ended after {learner.History.Count} epochs; kept the network of epoch {best.Epoch}.");
        return new BpSomTextModelParameters(learner.Network, options.SecondSentenceColumnName, isBinary, learner.History);
    }

    /// <summary>The encoder (seed) with dropout drawing from seed + 1, the head from seed + 2 and the SOM from seed + 5.
    /// A random encoder's vocabulary is the tokenizer's, so a small vocabulary gives a small embedding table.</summary>
    internal static BpSomTextNetwork CreateNetwork(BpSomTextClassificationTrainer.Options options, int classCount, ulong seed)
    {
        var textEncoder = TextBatchEncoder.FromFile(options.ResolvedVocabularyPath(), options.MaxSequenceLength);
        BertModel encoder;
        if (options.BertCheckpointFolder is { } folder)
        {
            encoder = BertCheckpoint.LoadFolder(folder, dropoutSeed: seed + 1);
            if (textEncoder.Vocabulary.Length > encoder.Config.VocabSize)
                throw new ArgumentException($"The vocabulary '{options.ResolvedVocabularyPath()}' has {textEncoder.Vocabulary.Length} tokens, more than the checkpoint's vocab_size {encoder.Config.VocabSize}.");
        }
        else
        {
            var config = BertConfig.Named(options.BertSize) with
            {
                VocabSize = textEncoder.Vocabulary.Length,
                PadTokenId = textEncoder.Tokenizer.PaddingTokenId,
            };
            encoder = BertModel.Create(config, seed);
        }
        if (options.MaxSequenceLength > encoder.Config.MaxPositionEmbeddings)
            throw new ArgumentOutOfRangeException(nameof(options.MaxSequenceLength), options.MaxSequenceLength,
                $"BP-SOM text option MaxSequenceLength = {options.MaxSequenceLength} exceeds the encoder's max_position_embeddings {encoder.Config.MaxPositionEmbeddings}.");
        return BpSomTextNetwork.Create(encoder, textEncoder, classCount, options.HiddenSize, options.Dropout, options.SomGridSize,
            options.NeighbourhoodDistance, new Generator(seed + 2), new Random((int)(seed + 5)));
    }
}

/// <summary>The Fit plumbing both text trainers share. ML.NET's <c>TrainModelCore</c> receives only a <see cref="TrainContext"/>,
/// so the progress sink and cancellation token of the <c>Fit</c> call under way are parked here for its duration and cleared
/// afterwards (a trainer must not report to, or be cancelled by, an earlier call's listeners).</summary>
internal sealed class BpSomTextFit(BpSomTextClassificationTrainer.Options options, bool isBinary)
{
    private IProgress<TextTrainingProgress>? _progress;
    private CancellationToken _cancellation;

    /// <summary>Runs <paramref name="fit"/> (the trainer's TrainTransformer) with <paramref name="progress"/> and
    /// <paramref name="cancellation"/> visible to <see cref="Train"/>.</summary>
    public T Run<T>(IProgress<TextTrainingProgress>? progress, CancellationToken cancellation, Func<T> fit)
    {
        (_progress, _cancellation) = (progress, cancellation);
        try
        {
            return fit();
        }
        finally
        {
            (_progress, _cancellation) = (null, default);
        }
    }

    /// <summary>The trainer's TrainModelCore: trains with the options and the current call's progress and cancellation.</summary>
    public BpSomTextModelParameters Train(IHost host, TrainContext context) =>
        BpSomTextTraining.Train(host, options, context, isBinary, _progress, _cancellation);
}
