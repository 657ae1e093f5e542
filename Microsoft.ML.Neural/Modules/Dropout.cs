namespace Microsoft.ML.Neural;

/// <summary>Dropout with probability <see cref="P"/>, active only in training mode.</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly Generator _generator;

    public Dropout(float p = 0.5f, Generator? generator = null)
    {
        if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout: p must be in [0, 1].");
        P = p;
        _generator = generator ?? Generator.Default;
    }

    public float P { get; }

    public override Tensor Forward(Tensor input) => input.Dropout(P, IsTraining, _generator);
}
