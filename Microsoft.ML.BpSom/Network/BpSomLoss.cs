namespace Microsoft.ML.BpSom;

/// <summary>The error the output units learn from, with 0.9 / 0.1 targets.</summary>
public enum BpSomLoss
{
    /// <summary>Squared error, output delta a(1 − a)(t − a): the reference.</summary>
    MeanSquaredError,

    /// <summary>Per-unit logistic cross-entropy, output delta t − a (the sigmoid derivative cancels).</summary>
    CrossEntropy,
}
