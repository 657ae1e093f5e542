namespace Microsoft.ML.SleepReplay;

/// <summary>Which intensity image drives the input spikes at each sleep step (ALGORITHMS.md B.6).</summary>
public enum SleepInputMode
{
    /// <summary>MATLAB: a random (PatchSize+1)² patch of the mean image of all sleep data, zero elsewhere.</summary>
    MeanImagePatch,

    /// <summary>Python: the mean of a few random sleep images times a Bernoulli pixel mask.</summary>
    MaskedSampleMean,
}
