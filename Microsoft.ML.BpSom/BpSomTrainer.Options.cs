namespace Microsoft.ML.BpSom;

public sealed partial class BpSomTrainer
{
    /// <summary>Options of the original BP-SOM trainer. Defaults are the reference's (<c>cheque_parameters</c>,
    /// ALGORITHMS.md A.3); the reference's name of each option is given in its summary.</summary>
    public sealed class Options
    {
        /// <summary>The label column: a key type (use <c>MapValueToKey</c>).</summary>
        public string LabelColumnName = "Label";

        /// <summary>The feature column: a known-size vector of Single.</summary>
        public string FeatureColumnName = "Features";

        /// <summary>Sizes of the hidden layers, each with its own SOM (architecture line).</summary>
        public int[] HiddenLayerSizes = [100];

        /// <summary>Side D of each hidden layer's D×D SOM (DIM_SOM), 1..200.</summary>
        public int SomGridSize = 10;

        /// <summary>Backprop learning rate η (BP_LEARN_RATE), [0, 1].</summary>
        public float LearningRate = 0.15f;

        /// <summary>Momentum μ (MOMENTUM), [0, 1).</summary>
        public float Momentum = 0.4f;

        /// <summary>Number of backprop steps run with momentum 0 before momentum is switched on (MM_AFTER_N_EXAMPLES).</summary>
        public int MomentumDelay = 100;

        /// <summary>θ_e (ERROR_LEARN_THRESHOLD): examples whose summed squared output error is at most this skip backprop,
        /// and output units whose |t − a| is at most this get no update.</summary>
        public float ErrorThreshold = 0.02f;

        /// <summary>α (SOM_ERROR_USE), [0, 1]: hidden deltas are (1 − α)·backprop + α·SOM error. 0 gives plain backprop
        /// (the SOMs are still trained and labelled).</summary>
        public float SomErrorWeight = 0.25f;

        /// <summary>Minimum reliability, in integer percent 0..100, of the class winner for its SOM error to be used (RELIABILITY_THRESHOLD).</summary>
        public int ReliabilityThreshold = 95;

        /// <summary>Hidden units whose activation standard deviation is at most this are pruned (PRUNE_THRESHOLD);
        /// pruning is off at or below 1e-4.</summary>
        public float PruneThreshold = 0.02f;

        /// <summary>SOM learning rate at epoch 1 (SOM_MAX_LEARN_RATE), falling linearly to <see cref="SomMinimumLearningRate"/>.</summary>
        public float SomMaximumLearningRate = 0.20f;

        /// <summary>SOM learning rate at the last epoch (SOM_MIN_LEARN_RATE).</summary>
        public float SomMinimumLearningRate = 0.05f;

        /// <summary>Neighbourhood radius at epoch 1 (SOM_MAX_CONTEXT), 0..10, falling quartically to <see cref="SomMinimumRadius"/>.</summary>
        public int SomMaximumRadius = 2;

        /// <summary>Neighbourhood radius at the last epoch (SOM_MIN_CONTEXT).</summary>
        public int SomMinimumRadius = 0;

        /// <summary>Maximum number of epochs (N_EPOCHS); also the length of the SOM schedules.</summary>
        public int NumberOfEpochs = 2000;

        /// <summary>Labelling, validation and pruning run every this many epochs (TEST_RATIO).</summary>
        public int TestRatio = 5;

        /// <summary>Training stops after this many epochs without a better validation result or a pruning event (STOP_IF_NOTHING_DONE).</summary>
        public int EarlyStoppingPatience = 100;

        /// <summary>Visit the training examples in a new random order each epoch. The reference keeps file order (false).</summary>
        public bool Shuffle;

        /// <summary>Output error: squared error (the reference) or per-unit cross-entropy.</summary>
        public BpSomLoss Loss = BpSomLoss.MeanSquaredError;

        /// <summary>Grid distance of the SOM neighbourhood: Chebyshev (the reference) or Manhattan.</summary>
        public GridDistance NeighbourhoodDistance = GridDistance.Chebyshev;

        /// <summary>Reproduce the reference's implementable quirks (ALGORITHMS.md A.5, A.10, A.11): the activation-mean sums are
        /// never reset; hidden-unit updates are gated on the output error at the same index (units beyond the number of
        /// outputs, where the reference reads past its target array, are always updated); the pruning scan skips the unit
        /// that slides into a pruned slot. Off (default): the intended behaviour. The grapho reader's sparse-input shortcut,
        /// which updates the weights of active inputs twice, belongs to that reader and is not reproduced.</summary>
        public bool ParityMode;

        /// <summary>Seed of the weight and prototype initialisation and of shuffling; null takes the MLContext's.</summary>
        public int? Seed;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
        internal void Validate()
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
            ArgumentException.ThrowIfNullOrWhiteSpace(FeatureColumnName, nameof(FeatureColumnName));
            if (HiddenLayerSizes is null || HiddenLayerSizes.Length == 0)
                throw new ArgumentOutOfRangeException(nameof(HiddenLayerSizes), "BP-SOM needs at least one hidden layer.");
            for (int l = 0; l < HiddenLayerSizes.Length; l++)
                if (HiddenLayerSizes[l] < 1)
                    throw new ArgumentOutOfRangeException(nameof(HiddenLayerSizes), HiddenLayerSizes[l], $"Hidden layer {l + 1} needs at least 1 unit.");
            Check(SomGridSize is >= 1 and <= 200, nameof(SomGridSize), SomGridSize, "must lie in 1..200");
            Check(LearningRate is >= 0f and <= 1f, nameof(LearningRate), LearningRate, "must lie in [0, 1]");
            Check(Momentum is >= 0f and < 1f, nameof(Momentum), Momentum, "must lie in [0, 1)");
            Check(MomentumDelay >= 0, nameof(MomentumDelay), MomentumDelay, "must not be negative");
            Check(ErrorThreshold >= 0f, nameof(ErrorThreshold), ErrorThreshold, "must not be negative");
            Check(SomErrorWeight is >= 0f and <= 1f, nameof(SomErrorWeight), SomErrorWeight, "must lie in [0, 1]");
            Check(ReliabilityThreshold is >= 0 and <= 100, nameof(ReliabilityThreshold), ReliabilityThreshold, "must lie in 0..100 (percent)");
            Check(PruneThreshold >= 0f, nameof(PruneThreshold), PruneThreshold, "must not be negative");
            Check(SomMinimumLearningRate is >= 0f and <= 1f, nameof(SomMinimumLearningRate), SomMinimumLearningRate, "must lie in [0, 1]");
            Check(SomMaximumLearningRate >= SomMinimumLearningRate && SomMaximumLearningRate <= 1f, nameof(SomMaximumLearningRate), SomMaximumLearningRate,
                $"must lie in [{nameof(SomMinimumLearningRate)} = {SomMinimumLearningRate}, 1]");
            Check(SomMinimumRadius is >= 0 and <= 10, nameof(SomMinimumRadius), SomMinimumRadius, "must lie in 0..10");
            Check(SomMaximumRadius >= SomMinimumRadius && SomMaximumRadius <= 10, nameof(SomMaximumRadius), SomMaximumRadius,
                $"must lie in {nameof(SomMinimumRadius)} = {SomMinimumRadius}..10");
            Check(NumberOfEpochs >= 1, nameof(NumberOfEpochs), NumberOfEpochs, "must be at least 1");
            Check(TestRatio >= 1, nameof(TestRatio), TestRatio, "must be at least 1");
            Check(EarlyStoppingPatience >= 1, nameof(EarlyStoppingPatience), EarlyStoppingPatience, "must be at least 1");
            Check(Enum.IsDefined(Loss), nameof(Loss), Loss, "is not a defined loss");
            Check(Enum.IsDefined(NeighbourhoodDistance), nameof(NeighbourhoodDistance), NeighbourhoodDistance, "is not a defined grid distance");
        }

        private static void Check(bool valid, string option, object value, string rule)
        {
            if (!valid) throw new ArgumentOutOfRangeException(option, value, $"BP-SOM option {option} = {value} {rule}.");
        }
    }
}
