namespace Microsoft.ML.BpSom;

/// <summary>The SOM error and its mix with the backprop error (ALGORITHMS.md A.5 step 6).
/// Errors follow the reference's convention: they point downhill, i.e. in the direction the activation
/// should move (an output error is t − a). The SOM error 0.01·rel·(p − a) therefore pulls the activation
/// toward the class prototype p. A gradient-based caller (autograd hook on ∂L/∂a) must subtract it.</summary>
public static class SomError
{
    /// <summary>error_i = 0.01 · reliability · (prototype_i − activation_i), with reliability an integer percent.
    /// Not multiplied by the sigmoid derivative, as in the reference.</summary>
    public static void Compute(ReadOnlySpan<float> prototype, ReadOnlySpan<float> activation, int reliability, Span<float> error)
    {
        if (prototype.Length != activation.Length || error.Length != activation.Length)
            throw new ArgumentException($"Lengths differ: prototype {prototype.Length}, activation {activation.Length}, error {error.Length}.");
        if (reliability is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(reliability), reliability, "A reliability is a percent in 0..100.");
        float scale = 0.01f * reliability;
        for (int i = 0; i < error.Length; i++) error[i] = scale * (prototype[i] - activation[i]);
    }

    /// <summary>error_i ← (1 − α) · error_i + α · som_i, in place on the backprop error.</summary>
    public static void Mix(Span<float> backpropError, ReadOnlySpan<float> somError, float alpha)
    {
        if (backpropError.Length != somError.Length)
            throw new ArgumentException($"Lengths differ: backprop error {backpropError.Length}, SOM error {somError.Length}.");
        if (!(alpha >= 0f && alpha <= 1f)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The SOM error weight α must lie in [0, 1].");
        float keep = 1f - alpha;
        for (int i = 0; i < backpropError.Length; i++) backpropError[i] = keep * backpropError[i] + alpha * somError[i];
    }
}
