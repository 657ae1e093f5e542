using Microsoft.ML.Experiments.Configuration;

namespace Microsoft.ML.Experiments.Verbs;

/// <summary>Settings shared by the two BP-SOM verbs: which networks to train and whether units are pruned.</summary>
public abstract class BpSomExperimentSettings : ExperimentSettings
{
    public TrainerMode Mode { get; set; } = TrainerMode.Both;

    /// <summary>The reference's <c>pruning.enabled</c>: false sets the prune threshold to 0 (pruning off).</summary>
    public bool Pruning { get; set; } = true;
}
