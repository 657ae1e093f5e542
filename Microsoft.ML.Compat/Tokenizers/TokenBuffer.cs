namespace Microsoft.ML.Tokenizers;

/// <summary>A growable list of token ids, with the input range of each token when offsets are tracked.</summary>
internal sealed class TokenBuffer
{
    private int[] _ids = new int[128];
    private int[] _starts = new int[128];
    private int[] _ends = new int[128];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    public Range Offset(int index) => new(_starts[index], _ends[index]);

    public void Clear() => Count = 0;

    public void Add(int id, int sourceStart, int sourceEnd)
    {
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, Count * 2);
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }
        _ids[Count] = id;
        _starts[Count] = sourceStart;
        _ends[Count] = sourceEnd;
        Count++;
    }

    /// <summary>Drops the tokens from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);
}
