namespace Microsoft.ML.SleepReplay;

/// <summary>How fresh weights are drawn.</summary>
public enum MlpInitialization
{
    /// <summary>MATLAB reference: uniform on [−0.01, 0.01].</summary>
    UniformHundredth,

    /// <summary>PyTorch nn.Linear default: uniform on [−1/√fanIn, 1/√fanIn] (biases likewise).</summary>
    PyTorchDefault,
}
