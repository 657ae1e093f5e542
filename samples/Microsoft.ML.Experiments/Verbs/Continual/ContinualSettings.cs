using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.SleepReplay;

namespace Microsoft.ML.Experiments.Verbs.Continual;

/// <summary>Settings of <c>continual</c>: the incremental-MNIST protocol (Python-port defaults: 784-4000-4000-10, 5,000 images
/// per task, 2 epochs, one sleep setting) and its baselines.</summary>
public sealed class ContinualSettings : ExperimentSettings
{
    public ContinualLearningOptions Protocol { get; } = new();

    /// <summary>Test images read (the first N; 0 = all 10,000); each task is scored on those of its classes.</summary>
    public int Test { get; set; }

    public override void Complete()
    {
        ExistingDataFolder();
        Protocol.Seed = Seed;
        Protocol.Sleep.Seed = Seed;
        if (Test < 0)
            throw new UsageException($"--test must not be negative, got {Test}.");
    }
}
