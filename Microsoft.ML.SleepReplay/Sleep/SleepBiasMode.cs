namespace Microsoft.ML.SleepReplay;

/// <summary>What sleep does with the biases of a network that has them (the reference networks have none).</summary>
public enum SleepBiasMode
{
    /// <summary>Biases play no part in sleep (as if the network were bias-free).</summary>
    Ignore,

    /// <summary>Each step, layer l also receives the constant current α_l·b_l (biases scaled like the weights).</summary>
    Scaled,
}
