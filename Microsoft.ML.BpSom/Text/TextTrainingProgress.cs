namespace Microsoft.ML.BpSom;

/// <summary>Progress of the BP-SOM text classifier, reported after each optimisation step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">The maximum number of epochs (early stopping may end sooner).</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch.</param>
/// <param name="Loss">Mean cross-entropy of the epoch's batches so far (weights changing).</param>
/// <param name="Accuracy">Fraction of the epoch's examples so far classified correctly during training.</param>
/// <param name="ExamplesPerSecond">Training throughput over the epoch so far.</param>
public sealed record TextTrainingProgress(int Epoch, int Epochs, int Batch, int BatchesPerEpoch, double Loss, double Accuracy,
    double ExamplesPerSecond);
