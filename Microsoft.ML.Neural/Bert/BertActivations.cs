namespace Microsoft.ML.Neural.Bert;

/// <summary>What one encoder layer's forward pass keeps for its backward pass (when recording) or
/// uses as scratch (inference shares one set across layers). Buffers are sized for the largest
/// batch seen and reused across steps.</summary>
internal sealed class LayerActivations
{
    public float[] Qkv = [], Probs = [], AttentionDrop = [], Context = [], AttentionSum = [], AttentionOutDrop = [];
    public float[] Residual = [], XHat1 = [], Rstd1 = [], X1 = [], Intermediate = [], Gelu = [], FfnSum = [], FfnDrop = [], XHat2 = [], Rstd2 = [];

    /// <summary>Grows the buffers for a pass over <paramref name="tokens"/> input positions with
    /// <paramref name="rows"/> output positions and <paramref name="probs"/> attention probabilities;
    /// <paramref name="record"/> adds what only the backward pass needs.</summary>
    public void Ensure(int tokens, int rows, int hidden, int intermediate, int probs, bool record, bool dropout)
    {
        Grow(ref Qkv, tokens * 3 * hidden);
        Grow(ref Context, rows * hidden);
        Grow(ref AttentionSum, rows * hidden);
        Grow(ref X1, rows * hidden);
        Grow(ref Intermediate, rows * intermediate);
        Grow(ref Gelu, rows * intermediate);
        Grow(ref FfnSum, rows * hidden);
        if (record)
        {
            Grow(ref Probs, probs);
            Grow(ref XHat1, rows * hidden);
            Grow(ref Rstd1, rows);
            Grow(ref XHat2, rows * hidden);
            Grow(ref Rstd2, rows);
        }
        if (dropout)
        {
            Grow(ref AttentionDrop, probs);
            Grow(ref AttentionOutDrop, rows * hidden);
            Grow(ref FfnDrop, rows * hidden);
        }
    }

    internal static void Grow(ref float[] buffer, int length)
    {
        if (buffer.Length < length) buffer = GC.AllocateUninitializedArray<float>(length);
    }
}

/// <summary>All forward buffers of a <see cref="BertModel"/> plus the backward pass's scratch.</summary>
internal sealed class BertActivations
{
    public readonly List<LayerActivations> Layers = new();
    public readonly List<float[]> Outputs = new();
    public float[] EmbeddingSum = [], EmbeddingXHat = [], EmbeddingRstd = [], EmbeddingNorm = [], EmbeddingDrop = [], EmbeddingOut = [];
    public float[] KeyMask = [], Cls = [], Pooled = [];
    public float[] GradA = [], GradB = [], GradC = [], GradOut = [], GradIn = [], GradIntermediate = [], GradQkv = [];
}
