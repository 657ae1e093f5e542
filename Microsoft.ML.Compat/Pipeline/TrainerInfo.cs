namespace Microsoft.ML;

/// <summary>What a trainer needs and supports.</summary>
public sealed class TrainerInfo
{
    public TrainerInfo(bool normalization = true, bool calibration = false, bool caching = true,
        bool supportValid = false, bool supportIncrementalTrain = false)
    {
        NeedNormalization = normalization;
        NeedCalibration = calibration;
        WantCaching = caching;
        SupportsValidation = supportValid;
        SupportsIncrementalTraining = supportIncrementalTrain;
    }

    public bool NeedNormalization { get; }
    public bool NeedCalibration { get; }
    public bool WantCaching { get; }
    public bool SupportsValidation { get; }
    public bool SupportsIncrementalTraining { get; }
}
