namespace Microsoft.ML.Neural;

/// <summary>y = x·Wᵀ + b with W [out, in]. Initialised as PyTorch does: W and b uniform in
/// ±1/√in (kaiming-uniform with a = √5).</summary>
public sealed class Linear : Module<Tensor, Tensor>, IReluFusable
{
    public Linear(int inFeatures, int outFeatures, bool hasBias = true, Generator? generator = null)
    {
        if (inFeatures <= 0 || outFeatures <= 0)
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear: sizes must be positive; got {inFeatures} → {outFeatures}.");
        var g = generator ?? Generator.Default;
        float bound = 1f / MathF.Sqrt(inFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Uniform(g, -bound, bound, outFeatures, inFeatures));
        if (hasBias) Bias = RegisterParameter("bias", Tensor.Uniform(g, -bound, bound, outFeatures));
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    /// <summary>[out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => input.Linear(Weight, Bias);

    Tensor IReluFusable.ForwardRelu(Tensor input) => input.LinearRelu(Weight, Bias);
}
