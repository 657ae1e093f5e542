namespace Microsoft.ML.SleepReplay;

/// <summary>Options of <c>ml.Transforms.SleepReplayConsolidation</c>.</summary>
public sealed class SleepReplayConsolidationOptions
{
    /// <summary>The trained network to consolidate (it is copied; the original is not changed).</summary>
    public MlpModelParameters? Model { get; set; }

    /// <summary>Feature column of the sleep data (and of the rows the consolidated model scores).</summary>
    public string FeatureColumnName { get; set; } = Microsoft.ML.Data.DefaultColumnNames.Features;

    /// <summary>Label key column whose values name the classes in the output; used only when present in the sleep data.</summary>
    public string LabelColumnName { get; set; } = Microsoft.ML.Data.DefaultColumnNames.Label;

    /// <summary>Sleep parameters (the tuned MATLAB values by default). <see cref="SleepOptions.BiasMode"/> selects bias scaling.</summary>
    public SleepOptions Sleep { get; set; } = new();
}
