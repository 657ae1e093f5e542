namespace Microsoft.ML.Experiments.Verbs;

/// <summary>The trainer names of each <see cref="TrainerMode"/>.</summary>
public static class TrainerModes
{
    public const string BpSomName = "bpsom";
    public const string BaselineName = "baseline";

    /// <summary>The trainers a mode runs, by name, in order: BP-SOM first.</summary>
    public static IReadOnlyList<string> Trainers(TrainerMode mode) => mode switch
    {
        TrainerMode.Bpsom => [BpSomName],
        TrainerMode.Baseline => [BaselineName],
        _ => [BpSomName, BaselineName],
    };
}
