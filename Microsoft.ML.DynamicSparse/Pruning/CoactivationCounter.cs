namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Per-connection co-activation counts of one layer: C[i, j] += #samples with input j and output i both on
/// (value &gt; 0), i.e. C += postᵀ·pre over 0/1 matrices. Activities are packed into bits along the sample axis and
/// buffered across batches (up to <see cref="BufferedSamples"/>), so each entry of C costs one AND + popcount per
/// 64 samples (<see cref="ActivityBits"/>) rather than a multiply-add per sample.
/// </summary>
public sealed class CoactivationCounter
{
    private const int BufferedSamples = 1024;
    /// <summary>Pairs above which a flush gains from splitting over two threads.</summary>
    private const int SplitThreshold = 20_000;
    private readonly int[] _counts;
    private readonly int _stride;
    private ulong[] _preBits = [];
    private ulong[] _postBits = [];
    private int _words;
    private int _pending;
    private readonly Action<int, int> _countRows;

    public CoactivationCounter(int inputs, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Inputs = inputs;
        Outputs = outputs;
        _stride = ActivityBits.PaddedStride(inputs);
        _counts = new int[inputs * outputs];
        _countRows = (first, end) => ActivityBits.AddCounts(_postBits, _preBits, _words, Inputs, _stride, _counts, first, end);
    }

    /// <summary>When set, flushes split the outputs over two threads.</summary>
    internal RowSplit? Split { get; set; }

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
                _preBits = new ulong[_words * _stride];
                _postBits = new ulong[Outputs * _words];
            }
        }
        ActivityBits.Pack(pre, batch, _pending, _preBits, featureStride: 1, wordStride: _stride);
        ActivityBits.Pack(post, batch, _pending, _postBits, featureStride: _words, wordStride: 1);
        _pending += batch;
    }

    /// <summary>Adds the buffered samples to the counts.</summary>
    private void Flush()
    {
        if (_pending == 0)
            return;
        if (Split is { } split && (long)Inputs * Outputs >= SplitThreshold) split.Run(Outputs, _countRows);
        else _countRows(0, Outputs);
        Array.Clear(_preBits);
        Array.Clear(_postBits);
        _pending = 0;
    }
}
