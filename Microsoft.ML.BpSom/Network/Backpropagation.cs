using System.Numerics.Tensors;
using Microsoft.ML.BpSom.Numerics;

namespace Microsoft.ML.BpSom;

/// <summary>One online backprop step with the SOM error mixed into the hidden deltas (ALGORITHMS.md A.5 step 6).
/// Deltas follow the reference's sign: they point in the direction an activation should move, and w += η·δ·a.</summary>
internal sealed class Backpropagation
{
    private float[][] _deltas = [];

    /// <summary>Output-error threshold θ_e: output units whose |t − a| is at most this get delta 0 and no update.</summary>
    public required float ErrorThreshold { get; init; }
    public required BpSomLoss Loss { get; init; }

    /// <summary>Weight of the SOM error, α in δ = (1 − α)·bp + α·som.</summary>
    public required float SomErrorWeight { get; init; }

    /// <summary>Reproduce the reference's gating of hidden-unit updates on the output error at the same index
    /// (ALGORITHMS.md A.5 [quirk]). Hidden unit i is updated only if |t_i − a_L,i| &gt; θ_e; for i beyond the
    /// outputs the reference reads past its target array, and parity mode updates those units.
    /// Off: every hidden unit is updated.</summary>
    public bool GateHiddenUpdatesOnOutputError { get; init; }

    /// <summary>The delta of each unit of layer <paramref name="layer"/> (1..L) from the last <see cref="Step"/>.</summary>
    public ReadOnlySpan<float> Deltas(int layer) => _deltas[layer - 1];

    /// <summary>Backpropagates from the activations of the last forward pass and updates every weight online.
    /// <paramref name="somErrors"/>[l] holds layer l's SOM error, or null where it is off for this example.</summary>
    public void Step(MultilayerPerceptron network, ReadOnlySpan<float> target, IReadOnlyList<float[]?> somErrors,
        float learningRate, float momentum)
    {
        int outputLayer = network.OutputLayer;
        if (target.Length != network.OutputCount) throw new ArgumentException($"Expected {network.OutputCount} targets, got {target.Length}.", nameof(target));
        EnsureBuffers(network);
        ComputeOutputDeltas(network.Activations(outputLayer), target, _deltas[outputLayer - 1]);
        for (int l = outputLayer - 1; l >= 1; l--)
        {
            var delta = _deltas[l - 1];
            ComputeBackpropDeltas(network.Layers[l], network.Activations(l), _deltas[l], delta);
            if (somErrors[l] is { } som) SomError.Mix(delta, som, SomErrorWeight);
        }
        var output = network.Activations(outputLayer);
        for (int l = 0; l < outputLayer; l++)
        {
            var layer = network.Layers[l];
            var input = network.Activations(l);
            var delta = _deltas[l];
            bool isOutput = l + 1 == outputLayer;
            for (int i = 0; i < layer.UnitCount; i++)
            {
                if ((isOutput || GateHiddenUpdatesOnOutputError) && i < target.Length
                    && Math.Abs(target[i] - output[i]) <= ErrorThreshold)
                    continue;
                float scale = learningRate * delta[i];
                var row = layer.Row(i);
                var rowMomentum = layer.MomentumRow(i);
                rowMomentum[0] = scale + momentum * rowMomentum[0];
                row[0] += rowMomentum[0];
                VectorKernels.MomentumStep(row[1..], rowMomentum[1..], input, scale, momentum);
            }
        }
    }

    private void ComputeOutputDeltas(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float error = target[i] - output[i];
            if (Math.Abs(error) <= ErrorThreshold) delta[i] = 0f;
            else delta[i] = Loss == BpSomLoss.MeanSquaredError ? output[i] * (1f - output[i]) * error : error;
        }
    }

    /// <summary>bp_i = a_i(1 − a_i) · Σ_j δ_j · w_{j,i}, accumulated row by row so each step is one SIMD pass.</summary>
    private static void ComputeBackpropDeltas(LogisticLayer next, ReadOnlySpan<float> activation, ReadOnlySpan<float> nextDelta, Span<float> delta)
    {
        delta.Clear();
        for (int j = 0; j < next.UnitCount; j++)
            if (nextDelta[j] != 0f) TensorPrimitives.MultiplyAdd(next.Row(j)[1..], nextDelta[j], delta, delta);
        for (int i = 0; i < delta.Length; i++) delta[i] *= activation[i] * (1f - activation[i]);
    }

    private void EnsureBuffers(MultilayerPerceptron network)
    {
        if (_deltas.Length != network.OutputLayer) _deltas = new float[network.OutputLayer][];
        for (int l = 0; l < network.OutputLayer; l++)
            if (_deltas[l]?.Length != network.Layers[l].UnitCount) _deltas[l] = new float[network.Layers[l].UnitCount];
    }
}
