namespace Microsoft.ML.SleepReplay;

/// <summary>Activation of the last layer. Hidden layers always use ReLU.</summary>
public enum OutputActivation
{
    /// <summary>Raw scores (Python port: logits fed to cross-entropy).</summary>
    Linear,

    /// <summary>ReLU on the output too (MATLAB reference, <c>nn.output = 'relu'</c>).</summary>
    Relu,
}
