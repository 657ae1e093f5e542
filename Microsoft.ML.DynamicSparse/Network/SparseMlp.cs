using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// The MLPHeb network (ALGORITHMS.md C.2): [sparse Linear → BatchNorm1d → ReLU or KWinners] per hidden layer, then a
/// sparse Linear to the logits. Activations are kept feature-major ([units, batch]) so that each stored weight
/// works on a contiguous batch row. With <see cref="TrackCoactivations"/> on, every training forward pass adds each
/// layer's binary (input &gt; 0, block output &gt; 0) co-activations to its <see cref="CoactivationCounter"/>.
/// </summary>
public sealed class SparseMlp
{
    private readonly SparseLinear[] _layers;
    private readonly BatchNorm?[] _norms;
    private readonly KWinners?[] _winners;
    private readonly CoactivationCounter[] _counters;
    private Workspace _training = new(0, [], withGradients: false);
    private RowSplit? _split;

    internal SparseMlp(NetworkShape shape, SparseLinear[] layers, BatchNorm?[] norms, KWinners?[] winners)
    {
        Shape = shape;
        _layers = layers;
        _norms = norms;
        _winners = winners;
        _counters = layers.Select(l => new CoactivationCounter(l.Inputs, l.Outputs)).ToArray();
    }

    /// <summary>A freshly initialised network whose layers hold ⌊onPercent·size⌋ connections each.</summary>
    public static SparseMlp Create(NetworkShape shape, double onPercent, Random random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.Validate();
        if (!(onPercent > 0 && onPercent <= 1))
            throw new ArgumentOutOfRangeException(nameof(onPercent), onPercent, "OnPercent must lie in (0, 1].");
        int count = shape.Sizes.Length - 1;
        var layers = new SparseLinear[count];
        var norms = new BatchNorm?[count];
        var winners = new KWinners?[count];
        for (int l = 0; l < count; l++)
        {
            layers[l] = SparseLinear.Create(shape.Sizes[l], shape.Sizes[l + 1], onPercent, random);
            if (l == count - 1) continue;
            if (shape.BatchNorm) norms[l] = new BatchNorm(shape.Sizes[l + 1]);
            if (shape.UseKWinners)
                winners[l] = new KWinners(shape.Sizes[l + 1], shape.KWinnersPercentOn, shape.BoostStrength,
                    shape.KInferenceFactor, shape.DutyCyclePeriod);
        }
        return new SparseMlp(shape, layers, norms, winners);
    }

    public NetworkShape Shape { get; }
    public int InputSize => Shape.Sizes[0];
    public int ClassCount => Shape.Sizes[^1];
    public int LayerCount => _layers.Length;

    /// <summary>Add co-activations during training forward passes.</summary>
    public bool TrackCoactivations { get; set; }

    /// <summary>
    /// Splits the largest training kernels (big layers' forward pass and weight gradients, co-activation counting)
    /// over two threads. Every value is computed exactly as on one thread, so results are identical either way; it
    /// pays when a core is free, not when trials already run side by side.
    /// </summary>
    public bool TwoThreads
    {
        get => _split is not null;
        set
        {
            _split = value ? new RowSplit() : null;
            foreach (var counter in _counters) counter.Split = _split;
        }
    }

    internal SparseLinear Layer(int index) => _layers[index];
    internal BatchNorm? Norm(int index) => _norms[index];
    internal KWinners? Winners(int index) => _winners[index];

    public CoactivationCounter Coactivations(int layer) => _counters[layer];

    /// <summary>Connections stored in a layer's mask.</summary>
    public int Connections(int layer) => _layers[layer].StoredCount;

    /// <summary>A layer's dense weights, row-major [outputs, inputs], zero off the mask.</summary>
    public float[] GetWeights(int layer) => _layers[layer].DenseWeights();

    public void ResetCoactivations()
    {
        foreach (var counter in _counters) counter.Reset();
    }

    /// <summary>Multiplies every k-winners boost strength by <paramref name="factor"/> (once per epoch).</summary>
    public void DecayBoostStrength(double factor)
    {
        foreach (var w in _winners)
            if (w is not null) w.BoostStrength *= factor;
    }

    /// <summary>
    /// One SGD step on a batch (row-major features, 0-based labels): forward in training mode, mean cross-entropy,
    /// backward, update of every parameter. Returns the mean loss and counts the correct argmax predictions.
    /// </summary>
    public double TrainStep(ReadOnlySpan<float> features, ReadOnlySpan<int> labels, int batch, float learningRate,
        float momentum, float weightDecay, out int correct)
    {
        CheckBatch(features, batch);
        if (labels.Length != batch)
            throw new ArgumentException($"{labels.Length} labels for a batch of {batch}.", nameof(labels));
        if (_training.Batch != batch)
            _training = new Workspace(batch, Shape.Sizes, withGradients: true);
        var ws = _training;
        Forward(features, batch, training: true, ws);
        double loss = CrossEntropy.LossAndGradient(ws.Activations[^1], labels, batch, ClassCount, ws.Gradients[^1], out correct);
        var sgd = new Sgd(learningRate, momentum, weightDecay);
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var dy = ws.Gradients[l + 1].AsSpan(0, Shape.Sizes[l + 1] * batch);
            if (l < _layers.Length - 1)
            {
                if (_winners[l] is { } winners) winners.Backward(dy, batch);
                else ReluBackward(ws.Activations[l + 1], dy);
                _norms[l]?.Backward(dy, batch);
            }
            var dx = l == 0 ? Span<float>.Empty : ws.Gradients[l].AsSpan(0, Shape.Sizes[l] * batch);
            _layers[l].Backward(ws.Activations[l], ws.Gradients[l + 1], batch, dx, _split);
        }
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].Step(sgd);
            _norms[l]?.Step(sgd);
        }
        return loss;
    }

    /// <summary>Logits of <paramref name="rows"/> rows in evaluation mode, row-major [rows, classes]. Safe to call
    /// from several threads at once (no shared scratch).</summary>
    public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        CheckBatch(features, rows);
        if (scores.Length < rows * ClassCount)
            throw new ArgumentException($"Scores need room for {rows}×{ClassCount} values.", nameof(scores));
        var ws = new Workspace(rows, Shape.Sizes, withGradients: false);
        Forward(features, rows, training: false, ws);
        SparseKernels.Transpose(ws.Activations[^1], ClassCount, rows, scores);
    }

    private void Forward(ReadOnlySpan<float> features, int batch, bool training, Workspace ws)
    {
        SparseKernels.Transpose(features, batch, InputSize, ws.Activations[0]);
        for (int l = 0; l < _layers.Length; l++)
        {
            var y = ws.Activations[l + 1].AsSpan(0, Shape.Sizes[l + 1] * batch);
            if (training) _layers[l].Forward(ws.Activations[l], batch, ws.Activations[l + 1], _split);
            else _layers[l].Forward(ws.Activations[l], batch, y);
            if (l < _layers.Length - 1)
            {
                var winners = _winners[l];
                if (_norms[l] is { } norm) norm.Forward(y, batch, training, relu: winners is null);
                else if (winners is null) Relu(y);
                winners?.Forward(y, batch, training);
            }
            if (training && TrackCoactivations)
                _counters[l].Add(ws.Activations[l], y, batch);
        }
    }

    private static void Relu(Span<float> x) => TensorPrimitives.Max(x, 0f, x);

    private static void ReluBackward(ReadOnlySpan<float> y, Span<float> dy)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + Vector256<float>.Count <= dy.Length; i += Vector256<float>.Count)
                (Vector256.Create(dy.Slice(i)) & Vector256.GreaterThan(Vector256.Create(y.Slice(i)), Vector256<float>.Zero)).CopyTo(dy.Slice(i));
        for (; i < dy.Length; i++) if (!(y[i] > 0)) dy[i] = 0;
    }

    private void CheckBatch(ReadOnlySpan<float> features, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (features.Length != batch * InputSize)
            throw new ArgumentException($"Expected {batch}×{InputSize} feature values, got {features.Length}.", nameof(features));
    }

    /// <summary>Activations (and, for training, gradients) of one batch size, feature-major per layer.</summary>
    private sealed class Workspace
    {
        public Workspace(int batch, int[] sizes, bool withGradients)
        {
            Batch = batch;
            Activations = sizes.Select(s => new float[s * batch]).ToArray();
            Gradients = withGradients ? sizes.Select(s => new float[s * batch]).ToArray() : [];
        }

        public int Batch { get; }
        public float[][] Activations { get; }
        public float[][] Gradients { get; }
    }
}
