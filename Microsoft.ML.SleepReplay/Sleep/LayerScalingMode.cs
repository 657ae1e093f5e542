namespace Microsoft.ML.SleepReplay;

/// <summary>How the per-layer scaling factors are chained (ALGORITHMS.md B.5).</summary>
public enum LayerScalingMode
{
    /// <summary>Reference code: f_l = s_l / prev, then prev = f_l (the quirk).</summary>
    ReferencePreviousFactor,

    /// <summary>Diehl et al. (2015): f_l = s_l / s_{l−1}, i.e. prev = s_l.</summary>
    Diehl,
}
