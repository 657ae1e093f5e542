using Microsoft.ML.BpSom;
using Microsoft.ML.Experiments.Configuration;

namespace Microsoft.ML.Experiments.Verbs.MnistBpSom;

/// <summary>Settings of <c>mnist-bpsom</c>: the original BP-SOM trainer on MNIST, the first <see cref="Train"/> training images
/// learned, the next <see cref="Validation"/> used for model selection and early stopping, the first <see cref="Test"/> test images
/// evaluated.</summary>
public sealed class MnistBpSomSettings : BpSomExperimentSettings
{
    public int Train { get; set; } = 50_000;
    public int Validation { get; set; } = 10_000;
    public int Test { get; set; } = 10_000;

    /// <summary>The trainer's options; the defaults are the reference's except 20 epochs with validation every epoch, the
    /// setting of the MNIST sample.</summary>
    public BpSomTrainer.Options Trainer { get; } = new() { NumberOfEpochs = 20, TestRatio = 1 };

    public override void Complete()
    {
        ExistingDataFolder();
        Trainer.Seed = Seed;
        if (!Pruning)
            Trainer.PruneThreshold = 0;
        foreach (var (name, value) in new[] { ("--train", Train), ("--validation", Validation), ("--test", Test) })
            if (value < 1)
                throw new UsageException($"{name} must be at least 1, got {value}.");
    }
}
