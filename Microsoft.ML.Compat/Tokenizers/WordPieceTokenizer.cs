namespace Microsoft.ML.Tokenizers;

/// <summary>
/// WordPiece tokenizer (Schuster &amp; Nakajima 2012, as used by BERT): the text is split into words on
/// whitespace, then each word is spelled with the longest vocabulary entry that starts it, followed by
/// the longest continuation entries (<c>##</c>-prefixed) that spell the rest. A word that cannot be
/// spelled completely, or that is longer than <see cref="MaxInputCharsPerWord"/>, becomes one
/// <see cref="UnknownToken"/>. Created with <see cref="Create(string, WordPieceOptions?)"/>; safe to share
/// between threads.
/// </summary>
public class WordPieceTokenizer : Tokenizer
{
    private readonly Dictionary<int, string> _specialTokensById;

    /// <param name="specialTokens">The tokens to keep whole, already resolved from the options.</param>
    private protected WordPieceTokenizer(WordPieceVocabulary vocabulary, WordPieceOptions options, string sourceName,
        IReadOnlyDictionary<string, int> specialTokens)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.UnknownToken, nameof(options.UnknownToken));
        ArgumentNullException.ThrowIfNull(options.ContinuingSubwordPrefix, nameof(options.ContinuingSubwordPrefix));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxInputCharsPerWord, nameof(options.MaxInputCharsPerWord));
        Vocab = vocabulary;
        UnknownToken = options.UnknownToken;
        UnknownTokenId = vocabulary.RequireId(options.UnknownToken, sourceName, nameof(options.UnknownToken));
        ContinuingSubwordPrefix = options.ContinuingSubwordPrefix;
        MaxInputCharsPerWord = options.MaxInputCharsPerWord;
        SpecialTokens = specialTokens;
        _specialTokensById = new Dictionary<int, string>();
        foreach (var (token, id) in SpecialTokens) _specialTokensById.TryAdd(id, token);
        if (SpecialTokens.Count > 0) SpecialTokenMatcher = new SpecialTokenMatcher(SpecialTokens);
    }

    /// <summary>Reads a <c>vocab.txt</c> (one token per line, id = line number) and builds a tokenizer.</summary>
    public static WordPieceTokenizer Create(string vocabFilePath, WordPieceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabFilePath);
        using var stream = File.OpenRead(vocabFilePath);
        return Create(stream, vocabFilePath, options);
    }

    /// <summary>Reads a vocabulary (one token per line, id = line number) from a stream.</summary>
    public static WordPieceTokenizer Create(Stream vocabStream, WordPieceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabStream);
        return Create(vocabStream, "(stream)", options);
    }

    private static WordPieceTokenizer Create(Stream stream, string sourceName, WordPieceOptions? options)
    {
        options ??= new WordPieceOptions();
        var vocabulary = WordPieceVocabulary.Load(stream, sourceName, options.ContinuingSubwordPrefix);
        return new WordPieceTokenizer(vocabulary, options, sourceName, options.SpecialTokens ?? new Dictionary<string, int>());
    }

    private protected WordPieceVocabulary Vocab { get; }

    /// <summary>Finds <see cref="SpecialTokens"/> in input text; null when there are none.</summary>
    private protected SpecialTokenMatcher? SpecialTokenMatcher { get; }

    public string UnknownToken { get; }
    public int UnknownTokenId { get; }
    public string ContinuingSubwordPrefix { get; }
    public int MaxInputCharsPerWord { get; }

    /// <summary>Tokens kept whole wherever they occur in the input (token → id).</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>Token → id for the whole vocabulary.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => Vocab.Tokens;

    /// <summary>The id of a vocabulary entry, or null.</summary>
    public int? MapTokenToId(ReadOnlySpan<char> token) => Vocab.Starts.TryGetValue(token, out int id) ? id : null;

    /// <summary>The vocabulary as the lines of its file (empty for ids without a token).</summary>
    internal string[] VocabularyLines() => Vocab.ToLines();

    /// <summary>The vocabulary entry of an id, or null when the id is out of range or an empty line.</summary>
    public string? MapIdToToken(int id) => Vocab.TokenOf(id);

    /// <summary>How this tokenizer normalizes and pre-tokenizes. Plain WordPiece: whitespace split only.</summary>
    private protected virtual PreTokenizerSettings GetSettings(bool considerPreTokenization, bool considerNormalization) =>
        new(Clean: false, Lowercase: false, StripAccents: false, IsolateCjk: false,
            SplitOnWhitespace: considerPreTokenization, SplitOnPunctuation: false,
            SpecialTokens: considerPreTokenization ? SpecialTokenMatcher : null);

    public override IReadOnlyList<int> EncodeToIds(string text, bool considerPreTokenization = true, bool considerNormalization = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var workspace = EncodingWorkspace.Current;
        EncodeContent(text, GetSettings(considerPreTokenization, considerNormalization), workspace.First, int.MaxValue, out _);
        return workspace.First.Ids.ToArray();
    }

    public override IReadOnlyList<int> EncodeToIds(string text, int maxTokenCount, out string? normalizedText, out int charsConsumed,
        bool considerPreTokenization = true, bool considerNormalization = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokenCount);
        var workspace = EncodingWorkspace.Current;
        var settings = GetSettings(considerPreTokenization, considerNormalization);
        EncodeContent(text, settings, workspace.First, maxTokenCount, out charsConsumed);
        normalizedText = settings.Normalizes ? new string(workspace.Words.Text) : null;
        return workspace.First.Ids.ToArray();
    }

    public override IReadOnlyList<EncodedToken> EncodeToTokens(string text, out string? normalizedText,
        bool considerPreTokenization = true, bool considerNormalization = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var workspace = EncodingWorkspace.Current;
        var settings = GetSettings(considerPreTokenization, considerNormalization);
        var tokens = workspace.First;
        EncodeContent(text, settings, tokens, int.MaxValue, out _);
        normalizedText = settings.Normalizes ? new string(workspace.Words.Text) : null;
        var result = new EncodedToken[tokens.Count];
        for (int i = 0; i < result.Length; i++)
        {
            int id = tokens.Ids[i];
            result[i] = new EncodedToken(id, TokenText(id)!, tokens.Offset(i));
        }
        return result;
    }

    public override int CountTokens(string text, bool considerPreTokenization = true, bool considerNormalization = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var workspace = EncodingWorkspace.Current;
        EncodeContent(text, GetSettings(considerPreTokenization, considerNormalization), workspace.First, int.MaxValue, out _);
        return workspace.First.Count;
    }

    /// <summary>The tokens joined by spaces, with continuation pieces glued to the piece before them
    /// (<c>un ##aff ##able</c> → <c>unaffable</c>).</summary>
    public override string Decode(IEnumerable<int> ids) => Decode(ids, skipSpecialTokens: false);

    /// <summary>As <see cref="Decode(IEnumerable{int})"/>, optionally leaving out special tokens such as [CLS] and [PAD].</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new System.Text.StringBuilder();
        foreach (int id in ids)
        {
            string token = TokenText(id)
                ?? throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is not in the vocabulary (0..{Vocab.Count - 1}, empty lines excluded).");
            if (skipSpecialTokens && IsSpecialTokenId(id)) continue;
            if (text.Length > 0 && ContinuingSubwordPrefix.Length > 0 && token.StartsWith(ContinuingSubwordPrefix, StringComparison.Ordinal))
            {
                text.Append(token, ContinuingSubwordPrefix.Length, token.Length - ContinuingSubwordPrefix.Length);
                continue;
            }
            if (text.Length > 0) text.Append(' ');
            text.Append(token);
        }
        return text.ToString();
    }

    private protected bool IsSpecialTokenId(int id) => id == UnknownTokenId || _specialTokensById.ContainsKey(id);

    // Special tokens given in the options may have ids outside the vocabulary file.
    private string? TokenText(int id) => Vocab.TokenOf(id) ?? _specialTokensById.GetValueOrDefault(id);

    /// <summary>
    /// Encodes <paramref name="text"/> into <paramref name="output"/>, at most <paramref name="maxTokens"/>
    /// tokens and whole words only; <paramref name="charsConsumed"/> is the input length the tokens cover.
    /// </summary>
    private protected void EncodeContent(ReadOnlySpan<char> text, in PreTokenizerSettings settings, TokenBuffer output,
        int maxTokens, out int charsConsumed)
    {
        var words = EncodingWorkspace.Current.Words;
        TextSplitter.Split(text, settings, words);
        output.Clear();
        for (int w = 0; w < words.Count; w++)
        {
            int before = output.Count;
            AppendWordPieces(words, w, output);
            if (output.Count > maxTokens)
            {
                output.Truncate(before);
                charsConsumed = before == 0 ? 0 : output.Offset(before - 1).End.Value;
                return;
            }
        }
        charsConsumed = text.Length;
    }

    private void AppendWordPieces(WordList words, int w, TokenBuffer output)
    {
        ReadOnlySpan<char> word = words.Word(w);
        int specialId = words.SpecialId(w);
        if (specialId >= 0)
        {
            AddToken(words, w, 0, word.Length, specialId, output);
            return;
        }
        if (word.Length > MaxInputCharsPerWord && CountCodePoints(word) > MaxInputCharsPerWord)
        {
            AddToken(words, w, 0, word.Length, UnknownTokenId, output);
            return;
        }

        int before = output.Count;
        int position = 0;
        while (position < word.Length)
        {
            bool atStart = position == 0;
            var lookup = atStart ? Vocab.Starts : Vocab.Continuations;
            int end = Math.Min(word.Length, position + (atStart ? Vocab.MaxTokenLength : Vocab.MaxContinuationLength));
            int id = -1;
            for (; end > position; end--)
            {
                // Never split a surrogate pair into two pieces.
                if (end < word.Length && char.IsLowSurrogate(word[end]) && char.IsHighSurrogate(word[end - 1])) continue;
                if (lookup.TryGetValue(word[position..end], out id)) break;
            }
            if (end == position)
            {
                output.Truncate(before);
                AddToken(words, w, 0, word.Length, UnknownTokenId, output);
                return;
            }
            AddToken(words, w, position, end, id, output);
            position = end;
        }
    }

    private static void AddToken(WordList words, int w, int start, int end, int id, TokenBuffer output)
    {
        var (sourceStart, sourceEnd) = words.SourceRange(w, start, end);
        output.Add(id, sourceStart, sourceEnd);
    }

    private static int CountCodePoints(ReadOnlySpan<char> word)
    {
        int count = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (!(char.IsLowSurrogate(word[i]) && i > 0 && char.IsHighSurrogate(word[i - 1]))) count++;
        }
        return count;
    }
}
