using System.Numerics.Tensors;

namespace Microsoft.ML.SleepReplay;

/// <summary>The membrane update of a sleep step (the input sums and the weight rule live in <see cref="PlasticSynapses"/>).</summary>
internal static class SpikeKernels
{
    /// <summary>
    /// Membrane step v = decay·v + α·(sums + bias); collects the neurons with v ≥ threshold into
    /// <paramref name="spikes"/>, resets them to exactly 0, and returns how many spiked.
    /// </summary>
    public static int IntegrateAndFire(float[] membrane, float[] sums, float[]? bias, int count, float alpha, float decay, float threshold, int[] spikes)
    {
        var v = membrane.AsSpan(0, count);
        var input = sums.AsSpan(0, count);
        if (bias != null) TensorPrimitives.Add(input, bias.AsSpan(0, count), input);
        TensorPrimitives.Multiply(input, alpha, input);
        TensorPrimitives.MultiplyAdd(v, decay, input, v);
        int fired = 0;
        for (int i = 0; i < count; i++)
        {
            if (v[i] >= threshold)
            {
                spikes[fired++] = i;
                v[i] = 0f;
            }
        }
        return fired;
    }
}
