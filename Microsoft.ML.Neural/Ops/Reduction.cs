namespace Microsoft.ML.Neural;

/// <summary>How a loss combines per-sample values.</summary>
public enum Reduction
{
    /// <summary>One loss per sample.</summary>
    None,
    /// <summary>Weighted mean: Σ wᵢ·lossᵢ / Σ wᵢ (plain mean without class weights).</summary>
    Mean,
    /// <summary>Σ wᵢ·lossᵢ.</summary>
    Sum,
}
