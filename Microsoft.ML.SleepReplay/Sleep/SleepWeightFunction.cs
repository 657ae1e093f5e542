namespace Microsoft.ML.SleepReplay;

/// <summary>The factor g(w) that scales the increase/decrease of a weight during sleep (ALGORITHMS.md B.8).</summary>
public enum SleepWeightFunction
{
    /// <summary>MATLAB reference: g(w) = 2·σ(−1000·w); acts almost only on non-positive weights.</summary>
    MatlabSigmoid,

    /// <summary>Python port: g(w) = σ(w).</summary>
    PythonSigmoid,

    /// <summary>Plain rule g(w) = 1 (the form the PyTorch peer benchmark times).</summary>
    Constant,
}
