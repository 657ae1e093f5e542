namespace Microsoft.ML.Neural;

/// <summary>Layer normalisation over the trailing <c>normalizedShape</c> dimensions with a
/// learned scale (ones) and shift (zeros).</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    private readonly int[] _shape;

    public LayerNorm(int normalizedSize, float eps = 1e-5f, bool elementwiseAffine = true, bool hasBias = true)
        : this([normalizedSize], eps, elementwiseAffine, hasBias)
    {
    }

    public LayerNorm(int[] normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true, bool hasBias = true)
    {
        _shape = Shapes.Validate(normalizedShape, nameof(LayerNorm));
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(_shape));
            if (hasBias) Bias = RegisterParameter("bias", Tensor.Zeros(_shape));
        }
    }

    public float Eps { get; }

    public Tensor? Weight { get; }

    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank < _shape.Length || !input.Dims.AsSpan(input.Rank - _shape.Length).SequenceEqual(_shape))
            throw new ArgumentException($"LayerNorm over {Shapes.Format(_shape)} cannot normalise an input of shape {Shapes.Format(input.Dims)}.");
        return input.LayerNorm(_shape.Length, Weight, Bias, Eps);
    }
}
