namespace Microsoft.ML.Experiments.Verbs;

/// <summary>Which networks a BP-SOM verb trains: with the SOM error, without it (the baseline), or both from the same seed.</summary>
public enum TrainerMode
{
    Bpsom,
    Baseline,
    Both,
}
