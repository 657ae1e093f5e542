namespace Microsoft.ML.Tokenizers;

/// <summary>
/// Reusable buffers for one pass of pre-tokenization: the normalized text, for each of its characters
/// the range of the input it came from, and the words as ranges of the normalized text. Special tokens
/// found in the input are words with their id already known.
/// </summary>
internal sealed class WordList
{
    private char[] _text = new char[256];
    private int[] _sourceStart = new int[256];
    private int[] _sourceEnd = new int[256];
    private int[] _wordStart = new int[64];
    private int[] _wordLength = new int[64];
    private int[] _wordSpecialId = new int[64];
    private int _openWordStart = -1;

    public int TextLength { get; private set; }
    public int Count { get; private set; }

    public ReadOnlySpan<char> Text => _text.AsSpan(0, TextLength);

    public void Clear()
    {
        TextLength = 0;
        Count = 0;
        _openWordStart = -1;
    }

    public ReadOnlySpan<char> Word(int index) => _text.AsSpan(_wordStart[index], _wordLength[index]);

    /// <summary>The special-token id of a word, or -1 for an ordinary word.</summary>
    public int SpecialId(int index) => _wordSpecialId[index];

    /// <summary>Input range of the characters <c>[start, end)</c> of word <paramref name="index"/>.</summary>
    public (int Start, int End) SourceRange(int index, int start, int end)
    {
        int first = _wordStart[index] + start;
        int last = _wordStart[index] + end - 1;
        return (_sourceStart[first], _sourceEnd[last]);
    }

    /// <summary>Input position where word <paramref name="index"/> starts.</summary>
    public int SourceStartOfWord(int index) => _sourceStart[_wordStart[index]];

    /// <summary>Appends a code point to the word being built.</summary>
    public void AppendToWord(int codePoint, int sourceStart, int sourceEnd)
    {
        if (_openWordStart < 0) _openWordStart = TextLength;
        Append(codePoint, sourceStart, sourceEnd);
    }

    /// <summary>Closes the word being built, then adds <paramref name="codePoint"/> as a word of its own.</summary>
    public void AppendIsolated(int codePoint, int sourceStart, int sourceEnd)
    {
        EndWord();
        _openWordStart = TextLength;
        Append(codePoint, sourceStart, sourceEnd);
        EndWord();
    }

    /// <summary>Closes the word being built and writes a space to the normalized text.</summary>
    public void AppendSeparator(int sourceStart, int sourceEnd)
    {
        EndWord();
        Append(' ', sourceStart, sourceEnd);
    }

    /// <summary>Closes the word being built and adds a special token, verbatim, as a word.</summary>
    public void AppendSpecial(ReadOnlySpan<char> token, int id, int sourceStart)
    {
        EndWord();
        int start = TextLength;
        for (int i = 0; i < token.Length; i++) Append(token[i], sourceStart + i, sourceStart + i + 1);
        AddWord(start, token.Length, id);
    }

    public void EndWord()
    {
        if (_openWordStart < 0) return;
        AddWord(_openWordStart, TextLength - _openWordStart, -1);
        _openWordStart = -1;
    }

    private void Append(int codePoint, int sourceStart, int sourceEnd)
    {
        int width = codePoint > 0xFFFF ? 2 : 1;
        if (TextLength + width > _text.Length)
        {
            int size = Math.Max(_text.Length * 2, TextLength + width);
            Array.Resize(ref _text, size);
            Array.Resize(ref _sourceStart, size);
            Array.Resize(ref _sourceEnd, size);
        }
        if (width == 1)
        {
            _text[TextLength] = (char)codePoint;
        }
        else
        {
            new System.Text.Rune(codePoint).EncodeToUtf16(_text.AsSpan(TextLength));
        }
        for (int i = 0; i < width; i++)
        {
            _sourceStart[TextLength + i] = sourceStart;
            _sourceEnd[TextLength + i] = sourceEnd;
        }
        TextLength += width;
    }

    private void AddWord(int start, int length, int specialId)
    {
        if (Count == _wordStart.Length)
        {
            Array.Resize(ref _wordStart, Count * 2);
            Array.Resize(ref _wordLength, Count * 2);
            Array.Resize(ref _wordSpecialId, Count * 2);
        }
        _wordStart[Count] = start;
        _wordLength[Count] = length;
        _wordSpecialId[Count] = specialId;
        Count++;
    }
}
