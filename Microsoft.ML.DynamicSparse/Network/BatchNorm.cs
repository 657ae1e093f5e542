using System.Numerics.Tensors;

namespace Microsoft.ML.DynamicSparse;

/// <summary>BatchNorm1d over feature-major activations (PyTorch defaults: ε 1e-5, running-statistics momentum 0.1,
/// unbiased variance in the running estimate, biased variance for normalising the batch).</summary>
internal sealed class BatchNorm
{
    private const float Epsilon = 1e-5f, RunningMomentum = 0.1f;
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
    /// by the running statistics otherwise.</summary>
    public void Forward(Span<float> x, int batch, bool training)
    {
        if (training && batch < 2)
            throw new ArgumentException("Batch normalisation needs at least 2 samples per training batch.", nameof(batch));
        if (training && _normalized.Length < Features * batch)
            _normalized = new float[Features * batch];
        for (int f = 0; f < Features; f++)
        {
            var row = x.Slice(f * batch, batch);
            float mean, variance;
            if (training)
            {
                mean = TensorPrimitives.Sum(row) / batch;
                variance = 0;
                foreach (float v in row) variance += (v - mean) * (v - mean);
                variance /= batch;
                RunningMean[f] = (1 - RunningMomentum) * RunningMean[f] + RunningMomentum * mean;
                RunningVariance[f] = (1 - RunningMomentum) * RunningVariance[f] + RunningMomentum * variance * batch / (batch - 1);
            }
            else
            {
                mean = RunningMean[f];
                variance = RunningVariance[f];
            }
            float inverseStd = 1 / MathF.Sqrt(variance + Epsilon);
            if (training) _inverseStd[f] = inverseStd; // evaluation writes no shared state (concurrent scoring)
            for (int b = 0; b < batch; b++)
            {
                float normalized = (row[b] - mean) * inverseStd;
                if (training) _normalized[f * batch + b] = normalized;
                row[b] = Gamma[f] * normalized + Beta[f];
            }
        }
    }

    /// <summary>Turns the output gradient into the input gradient in place (after a training forward pass).</summary>
    public void Backward(Span<float> dy, int batch)
    {
        for (int f = 0; f < Features; f++)
        {
            var row = dy.Slice(f * batch, batch);
            var normalized = _normalized.AsSpan(f * batch, batch);
            float dBeta = TensorPrimitives.Sum(row);
            float dGamma = TensorPrimitives.Dot(row, normalized);
            GammaGradients[f] = dGamma;
            BetaGradients[f] = dBeta;
            float scale = Gamma[f] * _inverseStd[f] / batch;
            for (int b = 0; b < batch; b++)
                row[b] = scale * (batch * row[b] - dBeta - normalized[b] * dGamma);
        }
    }

    public void Step(Sgd sgd)
    {
        sgd.Update(Gamma, GammaGradients, GammaVelocity);
        sgd.Update(Beta, BetaGradients, BetaVelocity);
    }
}
