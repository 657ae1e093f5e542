namespace Microsoft.ML.Neural;

/// <summary>A lookup table of <c>count</c> vectors of size <c>dimension</c>, initialised N(0, 1)
/// as PyTorch does (the padding row, if any, starts at zero and gets no gradient).</summary>
public sealed class Embedding : Module<int[], Tensor>
{
    public Embedding(int count, int dimension, int? paddingIndex = null, Generator? generator = null)
    {
        if (count <= 0 || dimension <= 0) throw new ArgumentOutOfRangeException(nameof(count), $"Embedding: sizes must be positive; got {count} × {dimension}.");
        if (paddingIndex is int p && (uint)p >= (uint)count) throw new ArgumentOutOfRangeException(nameof(paddingIndex), p, $"Embedding: padding index must be in [0, {count}).");
        PaddingIndex = paddingIndex;
        var weight = Tensor.Randn(generator ?? Generator.Default, count, dimension);
        if (paddingIndex is int pad) weight.AsSpan().Slice(pad * dimension, dimension).Clear();
        Weight = RegisterParameter("weight", weight);
    }

    /// <summary>[count, dimension].</summary>
    public Tensor Weight { get; }

    public int? PaddingIndex { get; }

    /// <summary>[ids.Length, dimension].</summary>
    public override Tensor Forward(int[] ids) => Weight.Embedding(ids, paddingIndex: PaddingIndex);

    /// <summary>[..shape, dimension] for ids laid out row-major in <paramref name="shape"/>.</summary>
    public Tensor Forward(int[] ids, params int[] shape) => Weight.Embedding(ids, shape, PaddingIndex);
}
