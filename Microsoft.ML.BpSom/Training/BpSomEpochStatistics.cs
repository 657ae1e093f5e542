namespace Microsoft.ML.BpSom;

/// <summary>What one training epoch of the original BP-SOM trainer did.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Loss">Mean over the epoch's examples of the summed squared output error Σ(t − a)² (the reference's error), measured during learning.</param>
/// <param name="TrainingAccuracy">Fraction of the epoch's examples classified correctly during learning (weights changing).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation set in a test epoch (every TestRatio epochs), else null.</param>
/// <param name="ValidationError">Mean summed squared output error on the validation set in a test epoch, else null.</param>
/// <param name="SomUsagePercent">Percent of (example, SOM) pairs in which the SOM error was used.</param>
/// <param name="PrunedUnits">Hidden units pruned in this epoch.</param>
/// <param name="HiddenLayerSizes">Sizes of the hidden layers at the end of the epoch.</param>
/// <param name="SomLearningRate">The epoch's SOM learning rate.</param>
/// <param name="SomRadius">The epoch's SOM neighbourhood radius.</param>
/// <param name="IsBest">Whether this epoch's network became the best one so far (model selection on validation).</param>
public sealed record BpSomEpochStatistics(
    int Epoch,
    double Loss,
    double TrainingAccuracy,
    double? ValidationAccuracy,
    double? ValidationError,
    double SomUsagePercent,
    int PrunedUnits,
    IReadOnlyList<int> HiddenLayerSizes,
    float SomLearningRate,
    int SomRadius,
    bool IsBest)
{
    /// <summary>Soms[h] is the SOM of hidden layer h + 1 right after this epoch's labelling pass, before any pruning: its labels,
    /// reliabilities and U-matrix. Only test epochs (every TestRatio epochs) label the maps, so other epochs have none, nor do
    /// the histories of models saved before format version 2.</summary>
    public IReadOnlyList<SomSnapshot> Soms { get; init; } = [];

    /// <summary>One log line, e.g. "epoch 5: loss 0.1234, accuracy 91.20%, SOM usage 40.1%, validation accuracy 90.10%, pruned 2, hidden [98], SOM rate 0.150, radius 1 (best)".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"epoch {Epoch}: loss {Loss:F4}, accuracy {100 * TrainingAccuracy:F2}%, SOM usage {SomUsagePercent:F1}%")
        + (ValidationAccuracy is { } accuracy ? FormattableString.Invariant($", validation accuracy {100 * accuracy:F2}%") : "")
        + (PrunedUnits > 0 ? $", pruned {PrunedUnits}" : "")
        + $", hidden [{string.Join(' ', HiddenLayerSizes)}]"
        + FormattableString.Invariant($", SOM rate {SomLearningRate:F3}, radius {SomRadius}")
        + (IsBest ? " (best)" : "");
}
