namespace Microsoft.ML.BpSom;

/// <summary>What one epoch of the BP-SOM text classifier did.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainingLoss">Mean cross-entropy over the epoch's batches, measured while training (dropout on).</param>
/// <param name="TrainingAccuracy">Fraction of the epoch's examples classified correctly while training.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation set after the epoch, or null without one.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation set after the epoch, or null without one.</param>
/// <param name="SomUsagePercent">Percent of the epoch's examples whose SOM error was switched on (class winner reliable enough).
/// In Baseline mode it counts the examples that would have used it.</param>
/// <param name="PrunedUnits">Hidden units pruned after this epoch.</param>
/// <param name="TotalPrunedUnits">Hidden units pruned so far.</param>
/// <param name="HiddenSize">Size of the hidden layer at the end of the epoch.</param>
/// <param name="SomLearningRate">The epoch's SOM learning rate.</param>
/// <param name="SomRadius">The epoch's SOM neighbourhood radius.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, labelling and validation included.</param>
/// <param name="IsBest">Whether this epoch became the best so far (validation accuracy, else training accuracy).</param>
public sealed record BpSomTextEpochStatistics(
    int Epoch,
    double TrainingLoss,
    double TrainingAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double SomUsagePercent,
    int PrunedUnits,
    int TotalPrunedUnits,
    int HiddenSize,
    float SomLearningRate,
    int SomRadius,
    double Seconds,
    bool IsBest)
{
    /// <summary>The SOM right after this epoch's labelling pass, before any pruning: its labels, reliabilities and U-matrix.
    /// Every epoch labels the map; null only in the histories of models saved before format version 2.</summary>
    public SomSnapshot? Som { get; init; }

    /// <summary>One log line, e.g. "epoch 2: loss 0.4012, accuracy 81.20%, validation loss 0.4420, accuracy 80.10%, SOM usage 40.1%, pruned 2 (3 in all), hidden 125, SOM rate 0.150, radius 1, 61.2 s (best)".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"epoch {Epoch}: loss {TrainingLoss:F4}, accuracy {100 * TrainingAccuracy:F2}%")
        + (ValidationAccuracy is { } accuracy
            ? FormattableString.Invariant($", validation loss {ValidationLoss:F4}, accuracy {100 * accuracy:F2}%")
            : "")
        + FormattableString.Invariant($", SOM usage {SomUsagePercent:F1}%, pruned {PrunedUnits} ({TotalPrunedUnits} in all), hidden {HiddenSize}")
        + FormattableString.Invariant($", SOM rate {SomLearningRate:F3}, radius {SomRadius}, {Seconds:F1} s")
        + (IsBest ? " (best)" : "");
}
