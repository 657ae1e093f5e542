namespace Microsoft.ML.Neural.Bert;

/// <summary>Shapes shared by the attention kernels: batch B, sequence T, A heads of width dh,
/// hidden H = A·dh, and the number of query positions per sequence: T, or 1 when only the first
/// ([CLS]) token's output is needed. Queries, keys and values sit side by side in one [B·T, 3H]
/// projection; contexts are [B·Queries, H].</summary>
internal readonly record struct AttentionShape(int Batch, int Sequence, int Heads, int HeadSize, int Queries)
{
    public AttentionShape(int batch, int sequence, int heads, int headSize) : this(batch, sequence, heads, headSize, sequence)
    {
    }

    public int Hidden => Heads * HeadSize;
    public int Tasks => Batch * Heads;
    public int ProbsPerTask => Queries * Sequence;
    public float Scale => 1f / MathF.Sqrt(HeadSize);
}

/// <summary>Fused multi-head self-attention with a key padding mask: for each (batch row, head)
/// one pass computes the scores, masks, softmax, dropout and context while the head's
/// [Queries, T] block is hot in cache. Masked keys get probability exactly 0 (PyTorch's additive
/// mask of float.MinValue or −10000 underflows to the same 0).</summary>
internal static unsafe class AttentionKernels
{
    /// <summary>ctx[B·Queries, H] = softmax(Q·Kᵀ·scale + mask)·V per head, for the first Queries positions.
    /// When <paramref name="probs"/> is not empty (training) it receives the softmax probabilities
    /// [B·A, Queries, T]; when <paramref name="dropMask"/> is not empty the probabilities are multiplied
    /// by it before the context product.</summary>
    public static void Forward(AttentionShape s, ReadOnlySpan<float> qkv, ReadOnlySpan<float> keyMask,
        Span<float> ctx, Span<float> probs, ReadOnlySpan<float> dropMask)
    {
        fixed (float* pqkv = qkv, pmask = keyMask, pctx = ctx, pprobs = probs, pdrop = dropMask)
        {
            var (q, m, c, pr, dr) = ((nint)pqkv, (nint)pmask, (nint)pctx, (nint)pprobs, (nint)pdrop);
            bool keepProbs = !probs.IsEmpty, dropout = !dropMask.IsEmpty;
            int T = s.Sequence, tq = s.Queries, dh = s.HeadSize, H = s.Hidden, block = s.ProbsPerTask;
            RowParallel.For(s.Tasks, 4L * block * dh, (start, end) =>
            {
                var scratch = new float[2 * block];
                for (int task = start; task < end; task++)
                {
                    int b = task / s.Heads, h = task % s.Heads;
                    var p = keepProbs ? new Span<float>((float*)pr + (long)task * block, block) : scratch.AsSpan(0, block);
                    Gemm.Sgemm(false, true, tq, T, dh, Q(s, q, b, h), 3 * H, K(s, q, b, h), 3 * H, p, T);
                    Softmax(p, tq, T, new ReadOnlySpan<float>((float*)m + (long)b * T, T), s.Scale);
                    ReadOnlySpan<float> used = p;
                    if (dropout)
                    {
                        var dropped = scratch.AsSpan(block, block);
                        TensorPrimitives.Multiply(p, new ReadOnlySpan<float>((float*)dr + (long)task * block, block), dropped);
                        used = dropped;
                    }
                    Gemm.Sgemm(false, false, tq, dh, T, used, T, V(s, q, b, h), 3 * H, Context(s, c, b, h), H);
                }
            });
        }
    }

    /// <summary>From dctx[B·Queries, H], writes dqkv[B·T, 3H] (every element; query rows past Queries get 0)
    /// given the forward's probabilities and dropout multipliers (empty when dropout was off).</summary>
    public static void Backward(AttentionShape s, ReadOnlySpan<float> qkv, ReadOnlySpan<float> probs, ReadOnlySpan<float> dropMask,
        ReadOnlySpan<float> dctx, Span<float> dqkv)
    {
        fixed (float* pqkv = qkv, pprobs = probs, pdrop = dropMask, pdctx = dctx, pdqkv = dqkv)
        {
            var (q, pr, dr, dc, dq) = ((nint)pqkv, (nint)pprobs, (nint)pdrop, (nint)pdctx, (nint)pdqkv);
            bool dropout = !dropMask.IsEmpty;
            int T = s.Sequence, tq = s.Queries, dh = s.HeadSize, H = s.Hidden, block = s.ProbsPerTask;
            RowParallel.For(s.Tasks, 8L * block * dh, (start, end) =>
            {
                var scratch = new float[2 * block];
                for (int task = start; task < end; task++)
                {
                    int b = task / s.Heads, h = task % s.Heads;
                    var p = new ReadOnlySpan<float>((float*)pr + (long)task * block, block);
                    var mask = dropout ? new ReadOnlySpan<float>((float*)dr + (long)task * block, block) : default;
                    var used = scratch.AsSpan(0, block);
                    var grad = scratch.AsSpan(block, block);
                    var dctxHead = (ReadOnlySpan<float>)Context(s, dc, b, h);
                    if (dropout) TensorPrimitives.Multiply(p, mask, used); else p.CopyTo(used);

                    // dV = (P·mask)ᵀ·dctx and d(P·mask) = dctx·Vᵀ.
                    Gemm.Sgemm(true, false, T, dh, tq, used, T, dctxHead, H, V(s, dq, b, h), 3 * H);
                    Gemm.Sgemm(false, true, tq, T, dh, dctxHead, H, V(s, q, b, h), 3 * H, grad, T);
                    if (dropout) TensorPrimitives.Multiply(grad, mask, grad);

                    // Softmax backward: dS = P ⊙ (dP − Σⱼ dPⱼ·Pⱼ), then the 1/sqrt(dh) scale.
                    for (int i = 0; i < tq; i++)
                    {
                        var pRow = p.Slice(i * T, T);
                        var gRow = grad.Slice(i * T, T);
                        float dot = TensorPrimitives.Dot(gRow, pRow);
                        TensorPrimitives.Subtract(gRow, dot, gRow);
                        TensorPrimitives.Multiply(gRow, pRow, gRow);
                        TensorPrimitives.Multiply(gRow, s.Scale, gRow);
                    }
                    var dQuery = Q(s, dq, b, h);
                    Gemm.Sgemm(false, false, tq, dh, T, grad, T, K(s, q, b, h), 3 * H, dQuery, 3 * H);
                    for (int i = tq; i < T; i++) dQuery.Slice(i * 3 * H, dh).Clear();
                    Gemm.Sgemm(true, false, T, dh, tq, grad, T, Q(s, q, b, h), 3 * H, K(s, dq, b, h), 3 * H);
                }
            });
        }
    }

    /// <summary>Row-wise softmax of scale·scores over the keys whose mask is non-zero; masked keys get 0.
    /// A row with every key masked gets the uniform distribution, as PyTorch's additive mask gives.</summary>
    private static void Softmax(Span<float> scores, int rows, int T, ReadOnlySpan<float> keyMask, float scale)
    {
        bool anyMasked = keyMask.IndexOf(0f) >= 0;
        for (int i = 0; i < rows; i++)
        {
            var row = scores.Slice(i * T, T);
            if (anyMasked)
                for (int j = 0; j < T; j++) if (keyMask[j] == 0f) row[j] = float.NegativeInfinity;
            float max = TensorPrimitives.Max(row);
            if (float.IsNegativeInfinity(max))
            {
                row.Fill(1f / T);
                continue;
            }
            // exp((s − max)·scale): masked keys give exp(−∞) = 0.
            TensorPrimitives.Subtract(row, max, row);
            TensorPrimitives.Multiply(row, scale, row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Multiply(row, 1f / TensorPrimitives.Sum(row), row);
        }
    }

    // Views of one head's [T, dh] block inside a [B·T, 3H] projection (Q, K, V; all T rows, of which
    // Q uses the first Queries) or of its [Queries, dh] block inside a [B·Queries, H] context.
    private static Span<float> Q(AttentionShape s, nint basePtr, int b, int h) => Block(basePtr, b * s.Sequence, h * s.HeadSize, 3 * s.Hidden, s.Sequence, s.HeadSize);
    private static Span<float> K(AttentionShape s, nint basePtr, int b, int h) => Block(basePtr, b * s.Sequence, s.Hidden + h * s.HeadSize, 3 * s.Hidden, s.Sequence, s.HeadSize);
    private static Span<float> V(AttentionShape s, nint basePtr, int b, int h) => Block(basePtr, b * s.Sequence, 2 * s.Hidden + h * s.HeadSize, 3 * s.Hidden, s.Sequence, s.HeadSize);
    private static Span<float> Context(AttentionShape s, nint basePtr, int b, int h) => Block(basePtr, b * s.Queries, h * s.HeadSize, s.Hidden, s.Queries, s.HeadSize);

    private static Span<float> Block(nint basePtr, int firstRow, int column, int ld, int rows, int width) =>
        new((float*)basePtr + (long)firstRow * ld + column, (rows - 1) * ld + width);
}
