namespace Microsoft.ML.BpSom;

/// <summary>The reference's clamped logistic unit: σ(s) = 1 / (1 + e^−s), with σ = 0 for s &lt; −15 and σ = 1 for s &gt; 15.</summary>
internal static class Logistic
{
    public static float Activate(float sum)
    {
        if (sum < -15f) return 0f;
        if (sum > 15f) return 1f;
        return (float)(1.0 / (1.0 + Math.Exp(-sum)));
    }
}
