namespace Microsoft.ML.Neural.Bert;

/// <summary>One post-layer-norm transformer encoder layer, forward and backward:
/// x1 = LN(x + drop(attention(x)·Woᵀ + bo)); out = LN(x1 + drop(gelu(x1·W1ᵀ + b1)·W2ᵀ + b2)).
/// Keys and values always cover all T positions; the outputs are computed for the first
/// <see cref="AttentionShape.Queries"/> positions of each sequence (all of them, or only [CLS] in
/// a last layer whose only consumer is the pooler).</summary>
internal static class BertLayerBlock
{
    /// <summary>Options of one pass: the shapes, whether dropout is on (with its generator) and
    /// whether activations are recorded for a backward pass.</summary>
    internal readonly record struct Pass(AttentionShape Shape, int Intermediate, float Eps,
        Generator? Dropout, float AttentionDropout, float HiddenDropout, bool Record)
    {
        /// <summary>Input positions, B·T.</summary>
        public int Tokens => Shape.Batch * Shape.Sequence;

        /// <summary>Output positions, B·Queries.</summary>
        public int Rows => Shape.Batch * Shape.Queries;

        public int Hidden => Shape.Hidden;
        public int Probs => Shape.Tasks * Shape.ProbsPerTask;
        public bool AllPositions => Shape.Queries == Shape.Sequence;
        public bool AttentionDropoutOn => Dropout is not null && AttentionDropout > 0f;
        public bool HiddenDropoutOn => Dropout is not null && HiddenDropout > 0f;

        public Pass WithQueries(int queries) => this with { Shape = Shape with { Queries = queries } };
    }

    public static void Forward(in Pass pass, BertLayerWeights w, float[] values, ReadOnlySpan<float> x, ReadOnlySpan<float> keyMask,
        LayerActivations a, Span<float> output)
    {
        int n = pass.Tokens, r = pass.Rows, h = pass.Hidden, inter = pass.Intermediate;
        var rh = ..(r * h);
        ProjectQkv(pass, w, values, x, a.Qkv.AsSpan(0, n * 3 * h));

        Span<float> attentionDrop = default;
        if (pass.AttentionDropoutOn)
        {
            attentionDrop = a.AttentionDrop.AsSpan(0, pass.Probs);
            DropoutKernels.FillMask(pass.Dropout!, pass.AttentionDropout, attentionDrop);
        }
        AttentionKernels.Forward(pass.Shape, a.Qkv.AsSpan(0, n * 3 * h), keyMask, a.Context.AsSpan(rh),
            pass.Record ? a.Probs.AsSpan(0, pass.Probs) : default, attentionDrop);

        var sum1 = a.AttentionSum.AsSpan(rh);
        LinearKernels.Forward(a.Context.AsSpan(rh), r, h, w.OutputWeight.Of(values), w.OutputBias.Of(values), sum1);
        ApplyDropout(pass, sum1, a.AttentionOutDrop);
        TensorPrimitives.Add(sum1, Residual(pass, x, a), sum1);
        LayerNormKernels.Forward(sum1, r, h, w.AttentionNormWeight.Of(values), w.AttentionNormBias.Of(values), pass.Eps,
            a.X1.AsSpan(rh), pass.Record ? a.XHat1.AsSpan(rh) : default, pass.Record ? a.Rstd1.AsSpan(0, r) : default);

        var u = a.Intermediate.AsSpan(0, r * inter);
        var g = a.Gelu.AsSpan(0, r * inter);
        LinearKernels.Forward(a.X1.AsSpan(rh), r, h, w.IntermediateWeight.Of(values), w.IntermediateBias.Of(values), u);
        // When recording, the pre-activation buffer is overwritten by gelu'(u), all the backward pass needs.
        if (pass.Record) GeluKernels.ForwardKeepingDerivative(u, g); else GeluKernels.Forward(u, g);
        var sum2 = a.FfnSum.AsSpan(rh);
        LinearKernels.Forward(g, r, inter, w.FfnOutputWeight.Of(values), w.FfnOutputBias.Of(values), sum2);
        ApplyDropout(pass, sum2, a.FfnDrop);
        TensorPrimitives.Add(sum2, a.X1.AsSpan(rh), sum2);
        LayerNormKernels.Forward(sum2, r, h, w.OutputNormWeight.Of(values), w.OutputNormBias.Of(values), pass.Eps,
            output[rh], pass.Record ? a.XHat2.AsSpan(rh) : default, pass.Record ? a.Rstd2.AsSpan(0, r) : default);
    }

    /// <summary>From the gradient of the layer's output rows, accumulates the parameter gradients into
    /// <paramref name="grads"/> and writes the gradient of its whole input into <paramref name="dx"/>.</summary>
    public static void Backward(in Pass pass, BertLayerWeights w, float[] values, float[] grads, ReadOnlySpan<float> x,
        LayerActivations a, ReadOnlySpan<float> dOut, Span<float> dx, BertActivations scratch)
    {
        int n = pass.Tokens, r = pass.Rows, h = pass.Hidden, inter = pass.Intermediate;
        var rh = ..(r * h);
        Span<float> g1 = scratch.GradA.AsSpan(rh), g2 = scratch.GradB.AsSpan(rh), g3 = scratch.GradC.AsSpan(rh);
        var dInter = scratch.GradIntermediate.AsSpan(0, r * inter);

        // Feed-forward: out = LN2(x1 + drop(W2·gelu(W1·x1))).
        LayerNormKernels.Backward(dOut[rh], a.XHat2.AsSpan(rh), a.Rstd2.AsSpan(0, r), r, h,
            w.OutputNormWeight.Of(values), w.OutputNormWeight.Of(grads), w.OutputNormBias.Of(grads), g1);
        ReadOnlySpan<float> dFfn = DropoutBackward(pass, g1, a.FfnDrop, g2);
        LinearKernels.Backward(a.Gelu.AsSpan(0, r * inter), dFfn, r, inter,
            w.FfnOutputWeight.Of(values), w.FfnOutputWeight.Of(grads), w.FfnOutputBias.Of(grads), dInter);
        GeluKernels.Backward(a.Intermediate.AsSpan(0, r * inter), dInter, dInter);   // Intermediate holds gelu'(u)
        g1.CopyTo(g3);   // the residual path's share of d(x1)
        LinearKernels.Backward(a.X1.AsSpan(rh), dInter, r, h,
            w.IntermediateWeight.Of(values), w.IntermediateWeight.Of(grads), w.IntermediateBias.Of(grads), g3, accumulateDx: true);

        // Attention: x1 = LN1(x + drop(Wo·attention(x))).
        LayerNormKernels.Backward(g3, a.XHat1.AsSpan(rh), a.Rstd1.AsSpan(0, r), r, h,
            w.AttentionNormWeight.Of(values), w.AttentionNormWeight.Of(grads), w.AttentionNormBias.Of(grads), g1);
        ReadOnlySpan<float> dAttention = DropoutBackward(pass, g1, a.AttentionOutDrop, g2);
        LinearKernels.Backward(a.Context.AsSpan(rh), dAttention, r, h,
            w.OutputWeight.Of(values), w.OutputWeight.Of(grads), w.OutputBias.Of(grads), g3);
        var dQkv = scratch.GradQkv.AsSpan(0, n * 3 * h);
        AttentionKernels.Backward(pass.Shape, a.Qkv.AsSpan(0, n * 3 * h), a.Probs.AsSpan(0, pass.Probs),
            pass.AttentionDropoutOn ? a.AttentionDrop.AsSpan(0, pass.Probs) : default, g3, dQkv);

        // d(x) = dqkv·Wqkv plus the residual path's share, which only the output rows have.
        if (pass.AllPositions)
        {
            g1.CopyTo(dx);
            LinearKernels.Backward(x, dQkv, n, h, w.QkvWeight.Of(values), w.QkvWeight.Of(grads), w.QkvBias.Of(grads), dx, accumulateDx: true);
            return;
        }
        LinearKernels.Backward(x, dQkv, n, h, w.QkvWeight.Of(values), w.QkvWeight.Of(grads), w.QkvBias.Of(grads), dx);
        foreach (var (row, token) in OutputRows(pass))
        {
            var target = dx.Slice(token * h, h);
            TensorPrimitives.Add(target, g1.Slice(row * h, h), target);
        }
    }

    /// <summary>Queries, keys and values [B·T, 3H] of the input: one GEMM when every position is an output;
    /// otherwise keys and values for all positions and queries only for the first Queries of each sequence
    /// (the other query rows are left unset; attention never reads them).</summary>
    private static void ProjectQkv(in Pass pass, BertLayerWeights w, float[] values, ReadOnlySpan<float> x, Span<float> qkv)
    {
        int n = pass.Tokens, h = pass.Hidden, t = pass.Shape.Sequence;
        var weight = w.QkvWeight.Of(values);
        var bias = w.QkvBias.Of(values);
        if (pass.AllPositions)
        {
            LinearKernels.Forward(x, n, h, weight, bias, qkv);
            return;
        }
        LinearKernels.Forward(x, h, n, h, weight[(h * h)..], bias[h..], qkv[h..], 3 * h);
        for (int q = 0; q < pass.Shape.Queries; q++)
            LinearKernels.Forward(x[(q * h)..], t * h, pass.Shape.Batch, h, weight[..(h * h)], bias[..h], qkv[(q * 3 * h)..], t * 3 * h);
    }

    /// <summary>The residual input of the output rows: x itself, or its first-position rows gathered.</summary>
    private static ReadOnlySpan<float> Residual(in Pass pass, ReadOnlySpan<float> x, LayerActivations a)
    {
        if (pass.AllPositions) return x;
        int h = pass.Hidden;
        LayerActivations.Grow(ref a.Residual, pass.Rows * h);
        var gathered = a.Residual.AsSpan(0, pass.Rows * h);
        foreach (var (row, token) in OutputRows(pass)) x.Slice(token * h, h).CopyTo(gathered.Slice(row * h, h));
        return gathered;
    }

    /// <summary>Output row i and the input token it belongs to: query q of sequence b is token b·T + q.</summary>
    private static IEnumerable<(int Row, int Token)> OutputRows(Pass pass)
    {
        for (int b = 0; b < pass.Shape.Batch; b++)
            for (int q = 0; q < pass.Shape.Queries; q++)
                yield return (b * pass.Shape.Queries + q, b * pass.Shape.Sequence + q);
    }

    /// <summary>Draws a hidden-dropout mask into <paramref name="mask"/> and applies it to <paramref name="y"/> in place.</summary>
    internal static void ApplyDropout(in Pass pass, Span<float> y, float[] mask)
    {
        if (!pass.HiddenDropoutOn) return;
        var m = mask.AsSpan(0, y.Length);
        DropoutKernels.FillMask(pass.Dropout!, pass.HiddenDropout, m);
        TensorPrimitives.Multiply(y, m, y);
    }

    /// <summary>The gradient through a hidden dropout: dy·mask into <paramref name="buffer"/>, or dy itself when dropout was off.</summary>
    internal static ReadOnlySpan<float> DropoutBackward(in Pass pass, ReadOnlySpan<float> dy, float[] mask, Span<float> buffer)
    {
        if (!pass.HiddenDropoutOn) return dy;
        TensorPrimitives.Multiply(dy, mask.AsSpan(0, dy.Length), buffer);
        return buffer;
    }
}
