using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.DynamicSparse;

/// <summary>BatchNorm1d over feature-major activations (PyTorch defaults: ε 1e-5, running-statistics momentum 0.1,
/// unbiased variance in the running estimate, biased variance for normalising the batch).</summary>
internal sealed class BatchNorm
{
    private const float Epsilon = 1e-5f, RunningMomentum = 0.1f;
    private const int Lanes = 8;
    private float[] _normalized = [];
    private readonly float[] _inverseStd;

    public BatchNorm(int features)
    {
        Features = features;
        Gamma = new float[features];
        Gamma.AsSpan().Fill(1);
        Beta = new float[features];
        RunningMean = new float[features];
        RunningVariance = new float[features];
        RunningVariance.AsSpan().Fill(1);
        GammaGradients = new float[features];
        BetaGradients = new float[features];
        GammaVelocity = new float[features];
        BetaVelocity = new float[features];
        _inverseStd = new float[features];
    }

    public int Features { get; }
    public float[] Gamma { get; }
    public float[] Beta { get; }
    public float[] RunningMean { get; }
    public float[] RunningVariance { get; }
    public float[] GammaGradients { get; }
    public float[] BetaGradients { get; }
    public float[] GammaVelocity { get; }
    public float[] BetaVelocity { get; }

    /// <summary>Normalises in place: by the batch's statistics while training (updating the running ones),
    /// by the running statistics otherwise; with <paramref name="relu"/>, the ReLU that follows is applied in the same
    /// pass. Each feature's row takes a few vectorised passes, fused by hand because rows are short (one batch) and
    /// per-call overheads would dominate.</summary>
    public void Forward(Span<float> x, int batch, bool training, bool relu = false)
    {
        if (training && batch < 2)
            throw new ArgumentException("Batch normalisation needs at least 2 samples per training batch.", nameof(batch));
        if (training && _normalized.Length < Features * batch)
            _normalized = new float[Features * batch];
        for (int f = 0; f < Features; f++)
        {
            var row = x.Slice(f * batch, batch);
            if (training)
            {
                var normalized = _normalized.AsSpan(f * batch, batch);
                float mean = Sum(row) / batch;
                float variance = CenterAndSquare(row, mean, normalized) / batch;
                RunningMean[f] = (1 - RunningMomentum) * RunningMean[f] + RunningMomentum * mean;
                RunningVariance[f] = (1 - RunningMomentum) * RunningVariance[f] + RunningMomentum * variance * batch / (batch - 1);
                _inverseStd[f] = 1 / MathF.Sqrt(variance + Epsilon);
                ScaleAndShift(normalized, _inverseStd[f], Gamma[f], Beta[f], relu, normalized, row);
            }
            else
            {
                // Evaluation writes no shared state (concurrent scoring): the row itself holds the intermediates.
                CenterAndSquare(row, RunningMean[f], row);
                ScaleAndShift(row, 1 / MathF.Sqrt(RunningVariance[f] + Epsilon), Gamma[f], Beta[f], relu, row, row);
            }
        }
    }

    /// <summary>Turns the output gradient into the input gradient in place (after a training forward pass):
    /// dx = γ·σ⁻¹/B · (B·dy − Σdy − x̂·Σ(dy·x̂)).</summary>
    public void Backward(Span<float> dy, int batch)
    {
        for (int f = 0; f < Features; f++)
        {
            var row = dy.Slice(f * batch, batch);
            var normalized = _normalized.AsSpan(f * batch, batch);
            float dBeta = Sum(row);
            float dGamma = TensorPrimitives.Dot(row, normalized);
            GammaGradients[f] = dGamma;
            BetaGradients[f] = dBeta;
            float scale = Gamma[f] * _inverseStd[f] / batch;
            int b = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<float> vScale = Vector256.Create(scale), vBatch = Vector256.Create((float)batch),
                    vBeta = Vector256.Create(dBeta), vGamma = Vector256.Create(dGamma);
                for (; b + Lanes <= batch; b += Lanes)
                {
                    var g = Vector256.Create(row.Slice(b));
                    (vScale * (vBatch * g - vBeta - Vector256.Create(normalized.Slice(b)) * vGamma)).CopyTo(row.Slice(b));
                }
            }
            for (; b < batch; b++)
                row[b] = scale * (batch * row[b] - dBeta - normalized[b] * dGamma);
        }
    }

    private static float Sum(ReadOnlySpan<float> x)
    {
        int i = 0;
        var acc = Vector256<float>.Zero;
        if (Vector256.IsHardwareAccelerated)
            for (; i + Lanes <= x.Length; i += Lanes) acc += Vector256.Create(x.Slice(i));
        float sum = Vector256.Sum(acc);
        for (; i < x.Length; i++) sum += x[i];
        return sum;
    }

    /// <summary>centered = x − mean; returns Σ centered².</summary>
    private static float CenterAndSquare(ReadOnlySpan<float> x, float mean, Span<float> centered)
    {
        int i = 0;
        var acc = Vector256<float>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            var m = Vector256.Create(mean);
            for (; i + Lanes <= x.Length; i += Lanes)
            {
                var d = Vector256.Create(x.Slice(i)) - m;
                d.CopyTo(centered.Slice(i));
                acc += d * d;
            }
        }
        float sum = Vector256.Sum(acc);
        for (; i < x.Length; i++)
        {
            float d = x[i] - mean;
            centered[i] = d;
            sum += d * d;
        }
        return sum;
    }

    /// <summary>normalized = centered·inverseStd; y = γ·normalized + β, or max(that, 0) with <paramref name="relu"/>.</summary>
    private static void ScaleAndShift(ReadOnlySpan<float> centered, float inverseStd, float gamma, float beta, bool relu,
        Span<float> normalized, Span<float> y)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> s = Vector256.Create(inverseStd), g = Vector256.Create(gamma), t = Vector256.Create(beta);
            for (; i + Lanes <= centered.Length; i += Lanes)
            {
                var n = Vector256.Create(centered.Slice(i)) * s;
                n.CopyTo(normalized.Slice(i));
                var v = g * n + t;
                (relu ? Vector256.Max(v, Vector256<float>.Zero) : v).CopyTo(y.Slice(i));
            }
        }
        for (; i < centered.Length; i++)
        {
            float n = centered[i] * inverseStd;
            normalized[i] = n;
            y[i] = relu ? MathF.Max(gamma * n + beta, 0) : gamma * n + beta;
        }
    }

    public void Step(Sgd sgd)
    {
        sgd.Update(Gamma, GammaGradients, GammaVelocity);
        sgd.Update(Beta, BetaGradients, BetaVelocity);
    }
}
