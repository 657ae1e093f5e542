using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// The two hot loops of a sleep step. Spikes are binary and sparse, so the input current is a
/// gather-sum over the active presynaptic columns, and plasticity touches only the rows of
/// postsynaptic neurons that spiked. Work is split over threads by whole rows, and every row is
/// computed in a fixed order, so results do not depend on the thread count.
/// </summary>
internal static class SpikeKernels
{
    // Below this many gathered/updated elements a layer is cheaper on one thread.
    private const long ParallelThreshold = 1 << 17;

    // Above 1/8 active columns a gather touches nearly every cache line of a row anyway.
    private const int DenseFraction = 8;

    /// <summary>
    /// sums[i] = Σ_{j ∈ active} W[i, j] for a rows×cols row-major W. With few active columns the
    /// row entries are gathered; once more than 1/<see cref="DenseFraction"/> of the columns are
    /// active, streaming SIMD dot products with the 0/1 spike vector read memory more efficiently.
    /// </summary>
    public static void GatherRowSums(float[] weights, int rows, int cols, int[] active, int activeCount, float[] sums)
    {
        if (activeCount == 0) { Array.Clear(sums, 0, rows); return; }
        float[]? indicator = null;
        if ((long)activeCount * DenseFraction > cols)
        {
            indicator = ArrayPool<float>.Shared.Rent(cols);
            Array.Clear(indicator, 0, cols);
            for (int p = 0; p < activeCount; p++) indicator[active[p]] = 1f;
        }
        try
        {
            if ((long)rows * activeCount < ParallelThreshold || Environment.ProcessorCount == 1)
            {
                RowSumsRange(weights, cols, active, activeCount, indicator, sums, 0, rows);
                return;
            }
            int blocks = Math.Min(rows, Environment.ProcessorCount * 4);
            Parallel.For(0, blocks, b =>
            {
                int start = (int)((long)rows * b / blocks), end = (int)((long)rows * (b + 1) / blocks);
                RowSumsRange(weights, cols, active, activeCount, indicator, sums, start, end);
            });
        }
        finally
        {
            if (indicator != null) ArrayPool<float>.Shared.Return(indicator);
        }
    }

    private static void RowSumsRange(float[] weights, int cols, int[] active, int activeCount, float[]? indicator, float[] sums, int start, int end)
    {
        if (indicator == null)
        {
            GatherRowSumsRange(weights, cols, active, activeCount, sums, start, end);
            return;
        }
        var spikes = indicator.AsSpan(0, cols);
        for (int i = start; i < end; i++) sums[i] = TensorPrimitives.Dot(weights.AsSpan(i * cols, cols), spikes);
    }

    private static void GatherRowSumsRange(float[] weights, int cols, int[] active, int activeCount, float[] sums, int start, int end)
    {
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(weights);
        ref int a0 = ref MemoryMarshal.GetArrayDataReference(active);
        int i = start;
        // Four rows at a time: four independent streams of loads keep more cache misses in flight.
        // Each row is still summed in the order of the active list, so the split does not change results.
        for (; i + 4 <= end; i += 4)
        {
            ref float r0 = ref Unsafe.Add(ref w0, (nint)i * cols);
            ref float r1 = ref Unsafe.Add(ref r0, cols);
            ref float r2 = ref Unsafe.Add(ref r1, cols);
            ref float r3 = ref Unsafe.Add(ref r2, cols);
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int p = 0; p < activeCount; p++)
            {
                int j = Unsafe.Add(ref a0, p);
                s0 += Unsafe.Add(ref r0, j);
                s1 += Unsafe.Add(ref r1, j);
                s2 += Unsafe.Add(ref r2, j);
                s3 += Unsafe.Add(ref r3, j);
            }
            sums[i] = s0;
            sums[i + 1] = s1;
            sums[i + 2] = s2;
            sums[i + 3] = s3;
        }
        for (; i < end; i++)
        {
            ref float row = ref Unsafe.Add(ref w0, (nint)i * cols);
            float s = 0;
            for (int p = 0; p < activeCount; p++) s += Unsafe.Add(ref row, Unsafe.Add(ref a0, p));
            sums[i] = s;
        }
    }

    /// <summary>
    /// Per-presynaptic step of the weight rule: +inc where the pre neuron spiked, −dec elsewhere,
    /// with the constant of g folded in (the MATLAB g is 2·σ(−1000w), so its 2 goes here).
    /// </summary>
    public static void BuildDelta(float[] delta, int cols, int[] activePre, int activeCount, double increase, double decrease, SleepWeightFunction function)
    {
        double scale = function == SleepWeightFunction.MatlabSigmoid ? 2 : 1;
        Array.Fill(delta, (float)(-decrease * scale), 0, cols);
        float up = (float)(increase * scale);
        for (int p = 0; p < activeCount; p++) delta[activePre[p]] = up;
    }

    /// <summary>For every spiking post row i: W[i, j] += delta[j] · g(W[i, j]), g evaluated on the weights before this step.</summary>
    public static void UpdateRows(float[] weights, int cols, int[] postRows, int postCount, float[] delta, SleepWeightFunction function)
    {
        if (postCount == 0) return;
        if ((long)postCount * cols < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            UpdateRowsRange(weights, cols, postRows, delta, function, 0, postCount);
            return;
        }
        int blocks = Math.Min(postCount, Environment.ProcessorCount * 4);
        Parallel.For(0, blocks, b =>
        {
            int start = (int)((long)postCount * b / blocks), end = (int)((long)postCount * (b + 1) / blocks);
            UpdateRowsRange(weights, cols, postRows, delta, function, start, end);
        });
    }

    private static void UpdateRowsRange(float[] weights, int cols, int[] postRows, float[] delta, SleepWeightFunction function, int start, int end)
    {
        float[]? scratch = function == SleepWeightFunction.Constant ? null : ArrayPool<float>.Shared.Rent(cols);
        try
        {
            for (int p = start; p < end; p++)
            {
                var row = weights.AsSpan(postRows[p] * cols, cols);
                switch (function)
                {
                    case SleepWeightFunction.Constant:
                        TensorPrimitives.Add(row, delta.AsSpan(0, cols), row);
                        break;
                    case SleepWeightFunction.PythonSigmoid:
                    {
                        var g = scratch.AsSpan(0, cols);
                        TensorPrimitives.Sigmoid(row, g);
                        TensorPrimitives.FusedMultiplyAdd(g, delta.AsSpan(0, cols), row, row);
                        break;
                    }
                    case SleepWeightFunction.MatlabSigmoid:
                    {
                        var g = scratch.AsSpan(0, cols);
                        TensorPrimitives.Multiply(row, -1000f, g);
                        TensorPrimitives.Sigmoid(g, g);
                        TensorPrimitives.FusedMultiplyAdd(g, delta.AsSpan(0, cols), row, row);
                        break;
                    }
                    default:
                        throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown sleep weight function.");
                }
            }
        }
        finally
        {
            if (scratch != null) ArrayPool<float>.Shared.Return(scratch);
        }
    }

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
