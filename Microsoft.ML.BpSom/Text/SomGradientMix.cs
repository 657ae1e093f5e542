namespace Microsoft.ML.BpSom;

/// <summary>The BP-SOM error mix of ALGORITHMS.md A.5 step 6 written for a gradient: the reference adds
/// (1 − α)·δ + α·som to a delta δ that is the NEGATIVE gradient of the example's error, and its SOM error
/// 0.01·rel·(p − a) points where the activation should move (toward the prototype). With g = ∂L/∂z the same step reads
/// g ← (1 − α)·g − α·som; subtracting is what pulls activations toward their prototypes (the Python port adds it and
/// pushes them away). The mix acts on the net input z, not on a = sigmoid(z), because the reference adds som to the delta
/// without the sigmoid derivative (A.5 note; A.13 lists the Python port's extra derivative as a difference).
/// The loss is a mean over a batch of B rows, so each row's backprop gradient carries a factor 1/B; the SOM term gets the
/// same 1/B to keep the reference's per-example proportions. Rows whose SOM error is off keep their gradient unchanged,
/// as in the reference, where the mix only happens when the class winner is reliable.</summary>
internal static class SomGradientMix
{
    /// <summary>For every row r with <paramref name="errorOn"/>[r]: gradient[r] ← (1 − α)·gradient[r] − (α/B)·somErrors[r],
    /// with B = the number of rows; other rows are left as they are. Both matrices are [B, units] row-major.</summary>
    public static void Apply(Span<float> gradient, ReadOnlySpan<float> somErrors, ReadOnlySpan<bool> errorOn, float alpha)
    {
        int rows = errorOn.Length;
        if (rows == 0) return;
        if (gradient.Length != somErrors.Length || gradient.Length % rows != 0)
            throw new ArgumentException($"Gradient ({gradient.Length} values) and SOM errors ({somErrors.Length}) must both be {rows} rows of one width.");
        if (!(alpha >= 0f && alpha <= 1f)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The SOM error weight α must lie in [0, 1].");
        int units = gradient.Length / rows;
        float keep = 1f - alpha, somScale = -alpha / rows;
        for (int r = 0; r < rows; r++)
        {
            if (!errorOn[r]) continue;
            var g = gradient.Slice(r * units, units);
            var som = somErrors.Slice(r * units, units);
            for (int i = 0; i < units; i++) g[i] = keep * g[i] + somScale * som[i];
        }
    }
}
