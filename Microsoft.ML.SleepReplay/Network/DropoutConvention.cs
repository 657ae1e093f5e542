namespace Microsoft.ML.SleepReplay;

/// <summary>How dropout keeps the expected activation unchanged between training and inference.</summary>
public enum DropoutConvention
{
    /// <summary>PyTorch: kept units are scaled by 1/(1−p) while training; inference uses activations as they are.</summary>
    Inverted,

    /// <summary>DeepLearnToolbox (MATLAB reference): training only masks; inference multiplies hidden activations by (1−p).</summary>
    TestTimeScaling,
}
