namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// nupic.torch KWinners over feature-major activations (ALGORITHMS.md C.7): per sample the k units with the largest
/// boosted value x·exp((k/n − duty)·strength) pass their unboosted value on, all others output 0; gradients flow
/// only through winners. Training uses k = round(n·percentOn) and updates duty cycles; inference uses
/// ⌊k·kInferenceFactor⌋.
/// </summary>
internal sealed class KWinners
{
    private bool[] _winners = [];
    private long _seen;

    public KWinners(int units, double percentOn, double boostStrength, double kInferenceFactor, int dutyCyclePeriod)
    {
        Units = units;
        K = Math.Clamp((int)Math.Round(units * percentOn), 1, units);
        InferenceK = Math.Clamp((int)(K * kInferenceFactor), 1, units);
        BoostStrength = boostStrength;
        DutyCyclePeriod = dutyCyclePeriod;
        DutyCycles = new float[units];
    }

    public int Units { get; }
    public int K { get; }
    public int InferenceK { get; }
    public int DutyCyclePeriod { get; }
    public double BoostStrength { get; set; }
    public float[] DutyCycles { get; }

    /// <summary>Keeps each sample's winners in place. Training also records them for <see cref="Backward"/> and
    /// updates the duty cycles; evaluation touches no shared state, so it may run on several threads.</summary>
    public void Forward(Span<float> x, int batch, bool training)
    {
        int k = training ? K : InferenceK;
        if (training && _winners.Length < Units * batch)
            _winners = new bool[Units * batch];
        var boosted = new float[Units];
        var order = new int[Units];
        var won = new bool[Units];
        float target = (float)K / Units;
        for (int b = 0; b < batch; b++)
        {
            for (int u = 0; u < Units; u++)
            {
                // Negated so that an ascending sort puts the strongest units first.
                boosted[u] = -x[u * batch + b] * MathF.Exp((target - DutyCycles[u]) * (float)BoostStrength);
                order[u] = u;
            }
            Array.Sort(boosted, order);
            Array.Clear(won);
            for (int r = 0; r < k; r++) won[order[r]] = true;
            for (int u = 0; u < Units; u++)
            {
                if (!won[u]) x[u * batch + b] = 0;
                if (training) _winners[u * batch + b] = won[u];
            }
        }
        if (training)
            UpdateDutyCycles(x, batch);
    }

    /// <summary>Zeroes the gradient of every non-winner of the last forward pass, in place.</summary>
    public void Backward(Span<float> dy, int batch)
    {
        for (int i = 0; i < Units * batch; i++)
            if (!_winners[i]) dy[i] = 0;
    }

    private void UpdateDutyCycles(ReadOnlySpan<float> y, int batch)
    {
        _seen += batch;
        long period = Math.Min(DutyCyclePeriod, _seen);
        for (int u = 0; u < Units; u++)
        {
            int on = 0;
            foreach (float v in y.Slice(u * batch, batch)) if (v > 0) on++;
            DutyCycles[u] = (float)((DutyCycles[u] * (period - batch) + on) / period);
        }
    }
}
