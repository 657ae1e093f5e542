using Microsoft.ML.Datasets;
using System.Numerics.Tensors;
using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.SleepReplay;

/// <summary>Progress of MLP training: the epoch just finished and its mean loss.</summary>
public readonly record struct MlpTrainingProgress(int Epoch, int Epochs, double MeanLoss);

/// <summary>
/// Minibatch SGD with momentum for an <see cref="MlpNetwork"/> (ALGORITHMS.md B.2): rows shuffled
/// each epoch, ReLU hidden layers with dropout, MSE or cross-entropy, v ← μv + lr·g, W ← W − v.
/// Training continues from whatever weights the network holds, so the same network can be
/// trained task after task. Momentum starts from zero at each call.
/// </summary>
public sealed class MlpSgdTrainer
{
    private readonly MlpTrainingOptions _options;

    public MlpSgdTrainer(MlpTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// Trains <paramref name="network"/> in place on <paramref name="data"/>. With
    /// <paramref name="activeOutputs"/>, outputs marked false are left out of the loss (masked outputs).
    /// Returns the mean loss of each epoch.
    /// </summary>
    public IReadOnlyList<double> Train(MlpNetwork network, LabeledSet data, Random rng, bool[]? activeOutputs = null,
        IProgress<MlpTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != network.InputSize)
            throw new ArgumentException($"Data has {data.FeatureCount} features but the network expects {network.InputSize}.", nameof(data));
        int badLabel = Array.FindIndex(data.Labels, y => y >= network.OutputSize);
        if (badLabel >= 0)
            throw new ArgumentException($"Label of row {badLabel} is {data.Labels[badLabel]}, outside the network's {network.OutputSize} outputs.", nameof(data));
        if (activeOutputs != null && activeOutputs.Length != network.OutputSize)
            throw new ArgumentException($"activeOutputs has {activeOutputs.Length} entries for {network.OutputSize} outputs.", nameof(activeOutputs));

        var state = new BatchState(network, Math.Min(_options.BatchSize, Math.Max(1, data.Count)));
        var losses = new List<double>();
        var order = Enumerable.Range(0, data.Count).ToArray();
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double lossSum = 0;
            for (int start = 0; start < data.Count; start += _options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int rows = Math.Min(_options.BatchSize, data.Count - start);
                lossSum += TrainBatch(network, state, data, order.AsSpan(start, rows), rng, activeOutputs) * rows;
            }
            double mean = data.Count == 0 ? 0 : lossSum / data.Count;
            losses.Add(mean);
            progress?.Report(new MlpTrainingProgress(epoch + 1, _options.Epochs, mean));
        }
        return losses;
    }

    /// <summary>Buffers for one minibatch, reused across batches.</summary>
    private sealed class BatchState
    {
        public BatchState(MlpNetwork net, int batch)
        {
            Activations = new float[net.LayerCount + 1][];
            Activations[0] = new float[batch * net.InputSize];
            Masks = new float[net.LayerCount][];
            Velocity = new float[net.LayerCount][];
            BiasVelocity = new float[net.LayerCount][];
            int widest = net.LayerSizes.Max();
            Delta = new float[batch * widest];
            PreviousDelta = new float[batch * widest];
            for (int l = 0; l < net.LayerCount; l++)
            {
                Activations[l + 1] = new float[batch * net.OutputsOf(l)];
                Masks[l] = new float[batch * net.OutputsOf(l)];
                Velocity[l] = new float[net.Weights[l].Length];
                BiasVelocity[l] = new float[net.OutputsOf(l)];
            }
        }

        public float[][] Activations { get; }
        public float[][] Masks { get; }
        public float[][] Velocity { get; }
        public float[][] BiasVelocity { get; }
        public float[] Delta { get; set; }
        public float[] PreviousDelta { get; set; }
    }

    private double TrainBatch(MlpNetwork net, BatchState s, LabeledSet data, ReadOnlySpan<int> rows, Random rng, bool[]? activeOutputs)
    {
        int b = rows.Length, last = net.LayerCount - 1;
        for (int r = 0; r < b; r++) data.Row(rows[r]).CopyTo(s.Activations[0].AsSpan(r * net.InputSize, net.InputSize));
        for (int l = 0; l <= last; l++)
        {
            var z = s.Activations[l + 1].AsSpan(0, b * net.OutputsOf(l));
            net.LinearForward(l, s.Activations[l].AsSpan(0, b * net.InputsOf(l)), b, z);
            if (l < last && !net.IsLinear(l))
            {
                TensorPrimitives.Max(z, 0f, z);
                ApplyDropout(net, z, s.Masks[l].AsSpan(0, z.Length), rng);
            }
            else if (net.OutputActivation == OutputActivation.Relu)
            {
                TensorPrimitives.Max(z, 0f, z);
            }
        }

        int classes = net.OutputSize;
        var output = s.Activations[last + 1].AsSpan(0, b * classes);
        var delta = s.Delta.AsSpan(0, b * classes);
        double loss = 0;
        for (int r = 0; r < b; r++)
            loss += OutputDelta(output.Slice(r * classes, classes), data.Labels[rows[r]], delta.Slice(r * classes, classes), activeOutputs);

        float step = _options.LearningRate / b;
        for (int l = last; l >= 0; l--)
        {
            int outs = net.OutputsOf(l), ins = net.InputsOf(l);
            var d = s.Delta.AsSpan(0, b * outs);
            if (l > 0)
            {
                // Delta of the layer below, from the weights before this update.
                var below = s.PreviousDelta.AsSpan(0, b * ins);
                Gemm.Sgemm(false, false, b, ins, outs, d, outs, net.Weights[l], ins, below, ins);
                // A linear bottleneck passes the delta through unchanged; ReLU units also apply their dropout mask.
                if (!net.IsLinear(l - 1))
                {
                    var a = s.Activations[l].AsSpan(0, b * ins);
                    var mask = s.Masks[l - 1].AsSpan(0, b * ins);
                    for (int i = 0; i < below.Length; i++) below[i] = a[i] > 0 ? below[i] * mask[i] : 0f;
                }
            }
            TensorPrimitives.Multiply(d, step, d);
            Gemm.Sgemm(true, false, outs, ins, b, d, outs, s.Activations[l].AsSpan(0, b * ins), ins,
                s.Velocity[l], ins, beta: _options.Momentum);
            TensorPrimitives.Subtract(net.Weights[l], s.Velocity[l], net.Weights[l]);
            if (net.Biases != null)
            {
                var vb = s.BiasVelocity[l];
                TensorPrimitives.Multiply(vb, _options.Momentum, vb);
                for (int r = 0; r < b; r++) TensorPrimitives.Add(vb, d.Slice(r * outs, outs), vb);
                TensorPrimitives.Subtract(net.Biases[l], vb, net.Biases[l]);
            }
            (s.Delta, s.PreviousDelta) = (s.PreviousDelta, s.Delta);
        }
        return loss / b;
    }

    private void ApplyDropout(MlpNetwork net, Span<float> a, Span<float> mask, Random rng)
    {
        float p = net.DropoutRate;
        if (p == 0f) { mask.Fill(1f); return; }
        // Inverted dropout rescales kept units while training; the MATLAB convention rescales at inference instead.
        float kept = net.DropoutConvention == DropoutConvention.Inverted ? 1f / (1f - p) : 1f;
        for (int i = 0; i < a.Length; i++)
        {
            mask[i] = rng.NextSingle() >= p ? kept : 0f;
            a[i] *= mask[i];
        }
    }

    /// <summary>Writes ∂loss/∂output for one row and returns its loss.</summary>
    private double OutputDelta(ReadOnlySpan<float> output, int label, Span<float> delta, bool[]? active)
    {
        if (_options.Loss == MlpLoss.MeanSquaredError)
        {
            double loss = 0;
            for (int c = 0; c < output.Length; c++)
            {
                if (active != null && !active[c]) { delta[c] = 0f; continue; }
                float e = (c == label ? 1f : 0f) - output[c];
                loss += 0.5 * e * e;
                delta[c] = -e;
            }
            return loss;
        }

        float max = float.NegativeInfinity;
        for (int c = 0; c < output.Length; c++)
            if (active == null || active[c]) max = Math.Max(max, output[c]);
        double sum = 0;
        for (int c = 0; c < output.Length; c++)
        {
            float e = active == null || active[c] ? MathF.Exp(output[c] - max) : 0f;
            delta[c] = e;
            sum += e;
        }
        for (int c = 0; c < output.Length; c++) delta[c] = (float)(delta[c] / sum) - (c == label ? 1f : 0f);
        return -Math.Log(Math.Max(delta[label] + 1.0, 1e-30));
    }
}
