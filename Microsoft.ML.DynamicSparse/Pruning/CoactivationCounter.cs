using System.Numerics;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Per-connection co-activation counts of one layer: C[i, j] += #samples with input j and output i both on
/// (value &gt; 0), i.e. C += postᵀ·pre over 0/1 matrices. The activities are packed into bits over the batch, so
/// each GEMM entry is a few AND + popcount operations instead of a batch-long dot product.
/// </summary>
public sealed class CoactivationCounter
{
    private readonly int[] _counts;
    private ulong[] _preBits = [];
    private ulong[] _postBits = [];

    public CoactivationCounter(int inputs, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Inputs = inputs;
        Outputs = outputs;
        _counts = new int[inputs * outputs];
    }

    public int Inputs { get; }
    public int Outputs { get; }

    /// <summary>Counts, row-major [outputs, inputs] like the weights.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    public void Reset() => Array.Clear(_counts);

    /// <summary>Adds one batch. Activities are feature-major: <paramref name="pre"/> is [inputs, batch],
    /// <paramref name="post"/> is [outputs, batch].</summary>
    public void Add(ReadOnlySpan<float> pre, ReadOnlySpan<float> post, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (pre.Length != Inputs * batch || post.Length != Outputs * batch)
            throw new ArgumentException($"Expected {Inputs}×{batch} inputs and {Outputs}×{batch} outputs, got {pre.Length} and {post.Length} values.");
        int words = (batch + 63) / 64;
        Pack(pre, batch, words, ref _preBits);
        Pack(post, batch, words, ref _postBits);
        for (int i = 0; i < Outputs; i++)
        {
            var postRow = _postBits.AsSpan(i * words, words);
            if (postRow.IndexOfAnyExcept(0UL) < 0)
                continue;
            var row = _counts.AsSpan(i * Inputs, Inputs);
            for (int j = 0; j < Inputs; j++)
            {
                var preRow = _preBits.AsSpan(j * words, words);
                int both = 0;
                for (int w = 0; w < words; w++) both += BitOperations.PopCount(postRow[w] & preRow[w]);
                row[j] += both;
            }
        }
    }

    private static void Pack(ReadOnlySpan<float> activity, int batch, int words, ref ulong[] bits)
    {
        int features = activity.Length / batch;
        if (bits.Length != features * words)
            bits = new ulong[features * words];
        else
            Array.Clear(bits);
        for (int f = 0; f < features; f++)
        {
            var values = activity.Slice(f * batch, batch);
            for (int b = 0; b < batch; b++)
                if (values[b] > 0) bits[f * words + (b >> 6)] |= 1UL << (b & 63);
        }
    }
}
