namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Produces the input spikes of each sleep step (ALGORITHMS.md B.6): an intensity image per step
/// (mean-image patch or masked sample mean), then Poisson-like spikes where
/// U(0,1)·(1/(Dt·MaxRate))/2 ≤ intensity. Pixels of intensity 0 never spike.
/// </summary>
internal sealed class SleepInput
{
    private readonly SleepOptions _options;
    private readonly float[] _data;
    private readonly int _count;
    private readonly int _inputSize;
    private readonly float[] _meanImage;
    private readonly int _side;
    private readonly float[] _intensity;
    private readonly double _halfRescale;

    public SleepInput(ReadOnlySpan<float> data, int count, int inputSize, SleepOptions options)
    {
        if (count <= 0) throw new ArgumentException("Sleep needs at least one input row to build its input spikes.", nameof(count));
        if (data.Length < count * inputSize)
            throw new ArgumentException($"Expected {count}×{inputSize} sleep inputs, got {data.Length} values.", nameof(data));
        _options = options;
        _count = count;
        _inputSize = inputSize;
        _intensity = new float[inputSize];
        _halfRescale = 1.0 / (options.Dt * options.MaxRate) / 2;
        _meanImage = MeanRow(data, count, inputSize);
        if (options.InputMode == SleepInputMode.MeanImagePatch)
        {
            _side = (int)Math.Round(Math.Sqrt(inputSize));
            if (_side * _side != inputSize)
                throw new ArgumentException($"Mean-image patches need square images; {inputSize} inputs is not a square.", nameof(inputSize));
            if (options.PatchSize >= _side)
                throw new ArgumentException($"PatchSize {options.PatchSize} leaves no room in a {_side}×{_side} image.", nameof(options));
            _data = [];
        }
        else
        {
            _data = data.Slice(0, count * inputSize).ToArray();
        }
    }

    /// <summary>Mean of the rows (the MATLAB mean image μ).</summary>
    public ReadOnlySpan<float> MeanImage => _meanImage;

    /// <summary>Fills <paramref name="spikes"/> with this step's spiking pixel indices (ascending) and returns their count.</summary>
    public int Next(Random rng, int[] spikes)
    {
        if (_options.InputMode == SleepInputMode.MeanImagePatch) FillPatch(rng); else FillMaskedSampleMean(rng);
        int n = 0;
        for (int k = 0; k < _inputSize; k++)
        {
            float intensity = _intensity[k];
            if (intensity > 0 && rng.NextDouble() * _halfRescale <= intensity) spikes[n++] = k;
        }
        return n;
    }

    private void FillPatch(Random rng)
    {
        Array.Clear(_intensity);
        int positions = _side - _options.PatchSize;
        int top = rng.Next(positions), left = rng.Next(positions);
        // Inclusive range as in the reference: PatchSize + 1 pixels per side.
        for (int r = top; r <= top + _options.PatchSize; r++)
            for (int c = left; c <= left + _options.PatchSize; c++)
                _intensity[r * _side + c] = _meanImage[r * _side + c];
    }

    private void FillMaskedSampleMean(Random rng)
    {
        Array.Clear(_intensity);
        int samples = _options.SamplesPerStep;
        for (int s = 0; s < samples; s++)
        {
            var row = _data.AsSpan(rng.Next(_count) * _inputSize, _inputSize);
            for (int k = 0; k < _inputSize; k++) _intensity[k] += row[k];
        }
        float inv = 1f / samples;
        for (int k = 0; k < _inputSize; k++)
            _intensity[k] = rng.NextDouble() < _options.MaskFraction ? _intensity[k] * inv : 0f;
    }

    private static float[] MeanRow(ReadOnlySpan<float> data, int count, int width)
    {
        var sum = new double[width];
        for (int r = 0; r < count; r++)
        {
            var row = data.Slice(r * width, width);
            for (int k = 0; k < width; k++) sum[k] += row[k];
        }
        return sum.Select(s => (float)(s / count)).ToArray();
    }
}
