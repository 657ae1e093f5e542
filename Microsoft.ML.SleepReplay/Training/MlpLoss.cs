namespace Microsoft.ML.SleepReplay;

/// <summary>Training loss of the sequential-task MLP (ALGORITHMS.md B.2).</summary>
public enum MlpLoss
{
    /// <summary>MATLAB: ½·Σ(y − a)²/m against one-hot targets; output delta −e with no activation derivative.</summary>
    MeanSquaredError,

    /// <summary>Python port: softmax cross-entropy on the scores.</summary>
    CrossEntropy,
}
