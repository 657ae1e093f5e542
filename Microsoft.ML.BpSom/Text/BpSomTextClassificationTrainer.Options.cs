using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.BpSom;

public sealed partial class BpSomTextClassificationTrainer
{
    /// <summary>Options of the BP-SOM BERT text classifier (multiclass and binary catalogs share them): a BERT encoder,
    /// its pooled [CLS] vector into a BP-SOM hidden layer (linear + sigmoid, with a SOM), dropout and a softmax classifier.
    /// The SOM options mean what they mean in <see cref="BpSomTrainer.Options"/> (ALGORITHMS.md A.3).</summary>
    public sealed class Options
    {
        /// <summary>The label column: a key (multiclass catalog) or a Boolean (binary catalog).</summary>
        public string LabelColumnName = "Label";

        /// <summary>The text column (first sentence).</summary>
        public string SentenceColumnName = "Sentence";

        /// <summary>The second text of sentence-pair tasks (MRPC, RTE, …), encoded as [CLS] a [SEP] b [SEP]; null for single sentences.</summary>
        public string? SecondSentenceColumnName;

        /// <summary>A Hugging Face BERT folder (config.json, model.safetensors or pytorch_model.bin, usually vocab.txt) to start
        /// from; null starts from a randomly initialised encoder of <see cref="BertSize"/>.</summary>
        public string? BertCheckpointFolder;

        /// <summary>Size of the random encoder when no checkpoint is given: tiny, mini, small, medium or base.</summary>
        public string BertSize = "tiny";

        /// <summary>The WordPiece vocabulary (vocab.txt). Null takes the checkpoint folder's vocab.txt; without a checkpoint it must be given.</summary>
        public string? VocabularyPath;

        /// <summary>Token sequences are truncated to this length, special tokens included (at least 3).</summary>
        public int MaxSequenceLength = 64;

        /// <summary>Examples per optimisation step.</summary>
        public int BatchSize = 32;

        /// <summary>Maximum number of epochs; also the length of the SOM schedules and of the learning-rate decay. With the default rate a
        /// random BERT-Tiny reaches its best SST-2 dev accuracy within 3 epochs and overfits after that.</summary>
        public int NumberOfEpochs = 5;

        /// <summary>Peak AdamW learning rate, reached after warm-up and decayed linearly to 0 at the last step of the last epoch.
        /// The default suits a randomly initialised encoder (fine-tuning a pre-trained one usually wants 2e-5 to 5e-5).</summary>
        public float LearningRate = 5e-4f;

        /// <summary>Number of linear warm-up steps; null derives it from <see cref="WarmupFraction"/>.</summary>
        public int? WarmupSteps;

        /// <summary>Warm-up as a fraction of all steps (epochs × batches per epoch), used when <see cref="WarmupSteps"/> is null.</summary>
        public float WarmupFraction = 0.1f;

        /// <summary>AdamW's decoupled weight decay.</summary>
        public float WeightDecay = 0.01f;

        /// <summary>Units of the BP-SOM hidden layer (before pruning).</summary>
        public int HiddenSize = 128;

        /// <summary>Side D of the hidden layer's D×D SOM, 1..200.</summary>
        public int SomGridSize = 20;

        /// <summary>α, [0, 1]: the hidden layer's error is (1 − α)·backprop + α·SOM error.</summary>
        public float SomErrorWeight = 0.25f;

        /// <summary>SOM learning rate at epoch 1, falling linearly to <see cref="SomMinimumLearningRate"/> at the last epoch.</summary>
        public float SomMaximumLearningRate = 0.20f;

        /// <summary>SOM learning rate at the last epoch.</summary>
        public float SomMinimumLearningRate = 0.05f;

        /// <summary>Neighbourhood radius at epoch 1, 0..10, falling quartically to <see cref="SomMinimumRadius"/>.</summary>
        public int SomMaximumRadius = 2;

        /// <summary>Neighbourhood radius at the last epoch.</summary>
        public int SomMinimumRadius = 0;

        /// <summary>Minimum reliability, in integer percent 0..100, of the class winner for its SOM error to be used.</summary>
        public int ReliabilityThreshold = 95;

        /// <summary>Hidden units whose activation standard deviation over the training set is at most this are pruned after an
        /// epoch; pruning is off at or below 1e-4.</summary>
        public float PruneThreshold = 0.02f;

        /// <summary>Grid distance of the SOM neighbourhood: Chebyshev (the reference) or Manhattan.</summary>
        public GridDistance NeighbourhoodDistance = GridDistance.Chebyshev;

        /// <summary>Train the same network without the SOM error (α taken as 0, no gradient hook). The SOM is still trained and
        /// labelled, so its usage is reported and comparisons with BP-SOM are like for like.</summary>
        public bool Baseline;

        /// <summary>Training stops after this many epochs without a better validation accuracy; the best epoch's weights are kept.</summary>
        public int EarlyStoppingPatience = 3;

        /// <summary>Dropout between the hidden layer and the classifier, [0, 1).</summary>
        public float Dropout = 0.1f;

        /// <summary>Seed of the weights, prototypes, dropout and shuffling; null takes the MLContext's.</summary>
        public int? Seed;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range, or
        /// <see cref="DirectoryNotFoundException"/> / <see cref="FileNotFoundException"/> for a missing checkpoint or vocabulary.</summary>
        internal void Validate()
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
            ArgumentException.ThrowIfNullOrWhiteSpace(SentenceColumnName, nameof(SentenceColumnName));
            if (SecondSentenceColumnName is not null)
                ArgumentException.ThrowIfNullOrWhiteSpace(SecondSentenceColumnName, nameof(SecondSentenceColumnName));
            Check(MaxSequenceLength >= 3, nameof(MaxSequenceLength), MaxSequenceLength, "must be at least 3 ([CLS], one token, [SEP])");
            Check(BatchSize >= 1, nameof(BatchSize), BatchSize, "must be at least 1");
            Check(NumberOfEpochs >= 1, nameof(NumberOfEpochs), NumberOfEpochs, "must be at least 1");
            Check(LearningRate > 0f && float.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "must be positive");
            Check(WarmupSteps is null or >= 0, nameof(WarmupSteps), WarmupSteps!, "must not be negative");
            Check(WarmupFraction is >= 0f and < 1f, nameof(WarmupFraction), WarmupFraction, "must lie in [0, 1)");
            Check(WeightDecay >= 0f && float.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, "must not be negative");
            Check(HiddenSize >= 1, nameof(HiddenSize), HiddenSize, "must be at least 1");
            Check(SomGridSize is >= 1 and <= 200, nameof(SomGridSize), SomGridSize, "must lie in 1..200");
            Check(SomErrorWeight is >= 0f and <= 1f, nameof(SomErrorWeight), SomErrorWeight, "must lie in [0, 1]");
            Check(SomMinimumLearningRate is >= 0f and <= 1f, nameof(SomMinimumLearningRate), SomMinimumLearningRate, "must lie in [0, 1]");
            Check(SomMaximumLearningRate >= SomMinimumLearningRate && SomMaximumLearningRate <= 1f, nameof(SomMaximumLearningRate),
                SomMaximumLearningRate, $"must lie in [{nameof(SomMinimumLearningRate)} = {SomMinimumLearningRate}, 1]");
            Check(SomMinimumRadius is >= 0 and <= 10, nameof(SomMinimumRadius), SomMinimumRadius, "must lie in 0..10");
            Check(SomMaximumRadius >= SomMinimumRadius && SomMaximumRadius <= 10, nameof(SomMaximumRadius), SomMaximumRadius,
                $"must lie in {nameof(SomMinimumRadius)} = {SomMinimumRadius}..10");
            Check(ReliabilityThreshold is >= 0 and <= 100, nameof(ReliabilityThreshold), ReliabilityThreshold, "must lie in 0..100 (percent)");
            Check(PruneThreshold >= 0f, nameof(PruneThreshold), PruneThreshold, "must not be negative");
            Check(Enum.IsDefined(NeighbourhoodDistance), nameof(NeighbourhoodDistance), NeighbourhoodDistance, "is not a defined grid distance");
            Check(EarlyStoppingPatience >= 1, nameof(EarlyStoppingPatience), EarlyStoppingPatience, "must be at least 1");
            Check(Dropout is >= 0f and < 1f, nameof(Dropout), Dropout, "must lie in [0, 1)");
            if (BertCheckpointFolder is null)
                Check(BertConfig.SizeNames.Contains(BertSize), nameof(BertSize), BertSize, $"is not one of {string.Join(", ", BertConfig.SizeNames)}");
            else if (!Directory.Exists(BertCheckpointFolder))
                throw new DirectoryNotFoundException($"BP-SOM text option {nameof(BertCheckpointFolder)}: the folder '{BertCheckpointFolder}' does not exist.");
            string vocabulary = ResolvedVocabularyPath();
            if (!File.Exists(vocabulary))
                throw new FileNotFoundException($"BP-SOM text option {nameof(VocabularyPath)}: the vocabulary file '{vocabulary}' does not exist.", vocabulary);
        }

        /// <summary>The vocabulary file to read: <see cref="VocabularyPath"/>, else the checkpoint folder's vocab.txt.</summary>
        internal string ResolvedVocabularyPath() =>
            VocabularyPath
            ?? (BertCheckpointFolder is null
                ? throw new ArgumentException($"BP-SOM text option {nameof(VocabularyPath)} must be given when {nameof(BertCheckpointFolder)} is null.", nameof(VocabularyPath))
                : Path.Combine(BertCheckpointFolder, "vocab.txt"));

        /// <summary>α as training uses it: 0 in <see cref="Baseline"/> mode.</summary>
        internal float EffectiveSomErrorWeight => Baseline ? 0f : SomErrorWeight;

        private static void Check(bool valid, string option, object value, string rule)
        {
            if (!valid) throw new ArgumentOutOfRangeException(option, value, $"BP-SOM text option {option} = {value} {rule}.");
        }
    }
}
