using Microsoft.ML.DynamicSparse;
using Microsoft.ML.Experiments.Configuration;

namespace Microsoft.ML.Experiments.Verbs.Sparse;

/// <summary>Settings of <c>sparse</c>: the dynamic sparse network's options, the grid axes (each a list of values) and the
/// seeds every grid point is trained with. Defaults: the reference's Hebbian/magnitude grid, 30 epochs.</summary>
public sealed class SparseSettings : ExperimentSettings
{
    public DynamicSparseTrainer.Options Trainer { get; } = new();

    public double[] HebbianPrune { get; set; } = [0, 0.2, 0.4];
    public double[] WeightPrune { get; set; } = [0, 0.2, 0.4];
    public bool[] HebbianGrow { get; set; } = [true, false];

    /// <summary>Seeds of the trials of every grid point; null takes --seed alone.</summary>
    public int[]? Seeds { get; set; }

    /// <summary>Trials run at once; 0 = one per core.</summary>
    public int Parallel { get; set; }

    /// <summary>Training images (the first N; 0 = all 60,000).</summary>
    public int Train { get; set; }

    /// <summary>Test images used as the validation set, as in the reference (the first N; 0 = all 10,000).</summary>
    public int Test { get; set; }

    public IReadOnlyList<int> TrialSeeds => Seeds is { Length: > 0 } seeds ? seeds : [Seed];

    public override void Complete()
    {
        ExistingDataFolder();
        foreach (var (flag, values) in new[] { ("--hebbian-prune", HebbianPrune.Length), ("--weight-prune", WeightPrune.Length), ("--hebbian-grow", HebbianGrow.Length) })
            if (values == 0)
                throw new UsageException($"{flag} needs at least one value.");
        foreach (var (flag, value) in new[] { ("--parallel", Parallel), ("--train", Train), ("--test", Test) })
            if (value < 0)
                throw new UsageException($"{flag} must not be negative, got {value}.");
    }
}
