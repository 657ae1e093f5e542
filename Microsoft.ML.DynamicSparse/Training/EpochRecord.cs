namespace Microsoft.ML.DynamicSparse;

/// <summary>One epoch of training: the learning rate it used, the running training loss and accuracy of its batches,
/// the validation accuracy (when a validation set is given; also under noise when asked) and the layers after
/// its prune-and-grow step.</summary>
public sealed record EpochRecord(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationAccuracy,
    double? NoisyValidationAccuracy,
    IReadOnlyList<LayerEpochStats> Layers);
