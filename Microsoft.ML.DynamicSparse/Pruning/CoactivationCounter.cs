using System.Numerics;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Per-connection co-activation counts of one layer: C[i, j] += #samples with input j and output i both on
/// (value &gt; 0), i.e. C += postᵀ·pre over 0/1 matrices. Activities are packed into bits along the sample axis and
/// buffered across batches (up to <see cref="BufferedSamples"/>), so each GEMM entry costs one AND + popcount per
/// 64 samples rather than a multiply-add per sample.
/// </summary>
public sealed class CoactivationCounter
{
    private const int BufferedSamples = 256;
    private readonly int[] _counts;
    private ulong[] _preBits = [];
    private ulong[] _postBits = [];
    private int _words;
    private int _pending;

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

    /// <summary>Counts so far, row-major [outputs, inputs] like the weights.</summary>
    public ReadOnlySpan<int> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Array.Clear(_preBits);
        Array.Clear(_postBits);
        _pending = 0;
    }

    /// <summary>Adds one batch. Activities are feature-major: <paramref name="pre"/> is [inputs, batch],
    /// <paramref name="post"/> is [outputs, batch].</summary>
    public void Add(ReadOnlySpan<float> pre, ReadOnlySpan<float> post, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (pre.Length != Inputs * batch || post.Length != Outputs * batch)
            throw new ArgumentException($"Expected {Inputs}×{batch} inputs and {Outputs}×{batch} outputs, got {pre.Length} and {post.Length} values.");
        if (_pending + batch > _words * 64)
        {
            Flush();
            if (batch > _words * 64)
            {
                _words = (Math.Max(batch, BufferedSamples) + 63) / 64;
                _preBits = new ulong[Inputs * _words];
                _postBits = new ulong[Outputs * _words];
            }
        }
        Pack(pre, batch, _pending, _words, _preBits);
        Pack(post, batch, _pending, _words, _postBits);
        _pending += batch;
    }

    /// <summary>Adds the buffered samples to the counts.</summary>
    private void Flush()
    {
        if (_pending == 0)
            return;
        int used = (_pending + 63) / 64;
        for (int i = 0; i < Outputs; i++)
        {
            var postRow = _postBits.AsSpan(i * _words, used);
            if (postRow.IndexOfAnyExcept(0UL) < 0)
                continue;
            var row = _counts.AsSpan(i * Inputs, Inputs);
            for (int j = 0, at = 0; j < row.Length; j++, at += _words)
            {
                int both = 0;
                for (int w = 0; w < used; w++) both += BitOperations.PopCount(postRow[w] & _preBits[at + w]);
                row[j] += both;
            }
        }
        Array.Clear(_preBits);
        Array.Clear(_postBits);
        _pending = 0;
    }

    private static void Pack(ReadOnlySpan<float> activity, int batch, int offset, int words, ulong[] bits)
    {
        int features = activity.Length / batch;
        for (int f = 0; f < features; f++)
        {
            var values = activity.Slice(f * batch, batch);
            var target = bits.AsSpan(f * words, words);
            int b = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // 8 comparisons at once, their sign bits gathered into one byte: no data-dependent branches.
                for (; b + 8 <= batch; b += 8)
                {
                    ulong on = Vector256.GreaterThan(Vector256.Create(values.Slice(b, 8)), Vector256<float>.Zero).ExtractMostSignificantBits();
                    int bit = offset + b, shift = bit & 63;
                    target[bit >> 6] |= on << shift;
                    if (shift > 56) target[(bit >> 6) + 1] |= on >> (64 - shift);
                }
            }
            for (; b < batch; b++)
            {
                int bit = offset + b;
                target[bit >> 6] |= (values[b] > 0 ? 1UL : 0UL) << (bit & 63);
            }
        }
    }
}
