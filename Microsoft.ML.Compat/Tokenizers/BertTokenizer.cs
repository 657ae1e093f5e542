namespace Microsoft.ML.Tokenizers;

/// <summary>
/// BERT's tokenizer: basic tokenization (clean control characters, optional lowercasing and accent
/// stripping, CJK ideographs as single tokens, split on whitespace and punctuation, special tokens kept
/// whole) followed by WordPiece. Compatible with the <c>vocab.txt</c> of BERT checkpoints, and with the
/// results of the original google-research/bert and Hugging Face tokenizers.
/// <para>
/// For model inputs use <see cref="EncodeBatch"/> (a batch of texts or text pairs to fixed-length
/// ids, attention mask and token type ids, with longest-first truncation of pairs) or
/// <see cref="EncodeToFixedLength(ReadOnlySpan{char}, ReadOnlySpan{char}, Span{int}, Span{int}, Span{int})"/> (one row,
/// into caller-owned buffers).
/// </para>
/// </summary>
public sealed class BertTokenizer : WordPieceTokenizer
{
    private readonly PreTokenizerSettings _settings;

    private BertTokenizer(WordPieceVocabulary vocabulary, BertOptions options, string sourceName, IReadOnlyDictionary<string, int> specialTokens)
        : base(vocabulary, options, sourceName, specialTokens)
    {
        LowerCaseBeforeTokenization = options.LowerCaseBeforeTokenization;
        ApplyBasicTokenization = options.ApplyBasicTokenization;
        SplitOnSpecialTokens = options.SplitOnSpecialTokens;
        IndividuallyTokenizeCjk = options.IndividuallyTokenizeCjk;
        RemoveNonSpacingMarks = options.RemoveNonSpacingMarks ?? options.LowerCaseBeforeTokenization;
        SeparatorToken = options.SeparatorToken;
        PaddingToken = options.PaddingToken;
        ClassificationToken = options.ClassificationToken;
        MaskingToken = options.MaskingToken;
        SeparatorTokenId = specialTokens[SeparatorToken];
        PaddingTokenId = specialTokens[PaddingToken];
        ClassificationTokenId = specialTokens[ClassificationToken];
        MaskingTokenId = specialTokens[MaskingToken];
        _settings = new PreTokenizerSettings(
            Clean: true, Lowercase: LowerCaseBeforeTokenization, StripAccents: RemoveNonSpacingMarks,
            IsolateCjk: IndividuallyTokenizeCjk, SplitOnWhitespace: true, SplitOnPunctuation: ApplyBasicTokenization,
            SpecialTokens: SplitOnSpecialTokens ? SpecialTokenMatcher : null);
    }

    /// <summary>Reads a BERT <c>vocab.txt</c> and builds the tokenizer. Throws when the vocabulary lacks one of
    /// the special tokens named in <paramref name="options"/>.</summary>
    public static BertTokenizer Create(string vocabFilePath, BertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabFilePath);
        using var stream = File.OpenRead(vocabFilePath);
        return Create(stream, vocabFilePath, options);
    }

    /// <summary>Reads a BERT vocabulary (one token per line) from a stream.</summary>
    public static BertTokenizer Create(Stream vocabStream, BertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabStream);
        return Create(vocabStream, "(stream)", options);
    }

    /// <summary>Reads the vocabulary asynchronously, then builds the tokenizer.</summary>
    public static async Task<BertTokenizer> CreateAsync(Stream vocabStream, BertOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vocabStream);
        using var copy = new MemoryStream();
        await vocabStream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        copy.Position = 0;
        return Create(copy, "(stream)", options);
    }

    private static BertTokenizer Create(Stream stream, string sourceName, BertOptions? options)
    {
        options ??= new BertOptions();
        var vocabulary = WordPieceVocabulary.Load(stream, sourceName, options.ContinuingSubwordPrefix);
        var specials = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, token) in new[]
                 {
                     (nameof(options.UnknownToken), options.UnknownToken), (nameof(options.ClassificationToken), options.ClassificationToken),
                     (nameof(options.SeparatorToken), options.SeparatorToken), (nameof(options.PaddingToken), options.PaddingToken),
                     (nameof(options.MaskingToken), options.MaskingToken),
                 })
        {
            ArgumentException.ThrowIfNullOrEmpty(token, name);
            specials[token] = vocabulary.RequireId(token, sourceName, name);
        }
        if (options.SpecialTokens is { } extra)
        {
            foreach (var (token, id) in extra) specials[token] = id;
        }
        return new BertTokenizer(vocabulary, options, sourceName, specials);
    }

    public bool LowerCaseBeforeTokenization { get; }
    public bool ApplyBasicTokenization { get; }
    public bool SplitOnSpecialTokens { get; }
    public bool IndividuallyTokenizeCjk { get; }

    /// <summary>Whether accents are stripped (resolved from <see cref="BertOptions.RemoveNonSpacingMarks"/>).</summary>
    public bool RemoveNonSpacingMarks { get; }

    public string SeparatorToken { get; }
    public int SeparatorTokenId { get; }
    public string PaddingToken { get; }
    public int PaddingTokenId { get; }
    public string ClassificationToken { get; }
    public int ClassificationTokenId { get; }
    public string MaskingToken { get; }
    public int MaskingTokenId { get; }

    private protected override PreTokenizerSettings GetSettings(bool considerPreTokenization, bool considerNormalization) =>
        _settings with
        {
            Clean = considerNormalization,
            Lowercase = considerNormalization && _settings.Lowercase,
            StripAccents = considerNormalization && _settings.StripAccents,
            IsolateCjk = considerNormalization && _settings.IsolateCjk,
            SplitOnWhitespace = considerPreTokenization,
            SplitOnPunctuation = considerPreTokenization && _settings.SplitOnPunctuation,
            SpecialTokens = considerPreTokenization ? _settings.SpecialTokens : null,
        };

    /// <summary><c>[CLS]</c> + the ids of <paramref name="text"/> + <c>[SEP]</c>.</summary>
    public override IReadOnlyList<int> EncodeToIds(string text, bool considerPreTokenization = true, bool considerNormalization = true) =>
        EncodeToIds(text, addSpecialTokens: true, considerPreTokenization, considerNormalization);

    /// <summary>The ids of <paramref name="text"/>, wrapped in <c>[CLS]</c> … <c>[SEP]</c> when <paramref name="addSpecialTokens"/>.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, bool addSpecialTokens, bool considerPreTokenization = true, bool considerNormalization = true)
    {
        var content = base.EncodeToIds(text, considerPreTokenization, considerNormalization);
        return addSpecialTokens ? BuildInputsWithSpecialTokens(content) : content;
    }

    /// <summary>
    /// At most <paramref name="maxTokenCount"/> ids including <c>[CLS]</c> and <c>[SEP]</c>: the text gets
    /// <paramref name="maxTokenCount"/> − 2 tokens (whole words only). Returns nothing when
    /// <paramref name="maxTokenCount"/> is below 2.
    /// </summary>
    public override IReadOnlyList<int> EncodeToIds(string text, int maxTokenCount, out string? normalizedText, out int charsConsumed,
        bool considerPreTokenization = true, bool considerNormalization = true) =>
        EncodeToIds(text, maxTokenCount, addSpecialTokens: true, out normalizedText, out charsConsumed, considerPreTokenization, considerNormalization);

    /// <summary>As <see cref="EncodeToIds(string, int, out string?, out int, bool, bool)"/>, with or without the special tokens.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, int maxTokenCount, bool addSpecialTokens, out string? normalizedText, out int charsConsumed,
        bool considerPreTokenization = true, bool considerNormalization = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokenCount);
        if (!addSpecialTokens)
            return base.EncodeToIds(text, maxTokenCount, out normalizedText, out charsConsumed, considerPreTokenization, considerNormalization);
        if (maxTokenCount < 2)
        {
            ArgumentNullException.ThrowIfNull(text);
            normalizedText = null;
            charsConsumed = 0;
            return [];
        }
        if (maxTokenCount == 2)
        {
            ArgumentNullException.ThrowIfNull(text);
            normalizedText = null;
            charsConsumed = 0;
            return [ClassificationTokenId, SeparatorTokenId];
        }
        var content = base.EncodeToIds(text, maxTokenCount - 2, out normalizedText, out charsConsumed, considerPreTokenization, considerNormalization);
        return BuildInputsWithSpecialTokens(content);
    }

    /// <summary><c>[CLS] a [SEP]</c>, or <c>[CLS] a [SEP] b [SEP]</c> when <paramref name="additionalTokenIds"/> is given.</summary>
    public IReadOnlyList<int> BuildInputsWithSpecialTokens(IEnumerable<int> tokenIds, IEnumerable<int>? additionalTokenIds = null)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        var ids = new List<int> { ClassificationTokenId };
        ids.AddRange(tokenIds);
        ids.Add(SeparatorTokenId);
        if (additionalTokenIds is not null)
        {
            ids.AddRange(additionalTokenIds);
            ids.Add(SeparatorTokenId);
        }
        return ids;
    }

    /// <summary>Token type ids for <see cref="BuildInputsWithSpecialTokens"/>: 0 for <c>[CLS] a [SEP]</c>, 1 for <c>b [SEP]</c>.</summary>
    public IReadOnlyList<int> CreateTokenTypeIdsFromSequences(IEnumerable<int> tokenIds, IEnumerable<int>? additionalTokenIds = null)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        var types = Enumerable.Repeat(0, tokenIds.Count() + 2).ToList();
        if (additionalTokenIds is not null) types.AddRange(Enumerable.Repeat(1, additionalTokenIds.Count() + 1));
        return types;
    }

    /// <summary>1 where <see cref="BuildInputsWithSpecialTokens"/> puts a special token, 0 elsewhere. With
    /// <paramref name="alreadyHasSpecialTokens"/>, marks the special token ids found in <paramref name="tokenIds"/> instead.</summary>
    public IReadOnlyList<int> GetSpecialTokensMask(IEnumerable<int> tokenIds, IEnumerable<int>? additionalTokenIds = null, bool alreadyHasSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (alreadyHasSpecialTokens)
        {
            if (additionalTokenIds is not null)
                throw new ArgumentException("With alreadyHasSpecialTokens the ids must come as one sequence.", nameof(additionalTokenIds));
            return tokenIds.Select(id => IsSpecialTokenId(id) ? 1 : 0).ToList();
        }
        var mask = new List<int> { 1 };
        mask.AddRange(Enumerable.Repeat(0, tokenIds.Count()));
        mask.Add(1);
        if (additionalTokenIds is not null)
        {
            mask.AddRange(Enumerable.Repeat(0, additionalTokenIds.Count()));
            mask.Add(1);
        }
        return mask;
    }

    /// <summary>
    /// Encodes one text as <c>[CLS] text [SEP]</c> into fixed-length buffers (their common length is the
    /// sequence length, at least 2): the text is truncated to length − 2 tokens, the rest is padding with
    /// [PAD] ids, attention mask 0 and token type 0. Returns the number of real tokens.
    /// </summary>
    public int EncodeToFixedLength(ReadOnlySpan<char> text, Span<int> inputIds, Span<int> attentionMask, Span<int> tokenTypeIds)
    {
        var workspace = EncodingWorkspace.Current;
        int length = CheckSequenceBuffers(inputIds, attentionMask, tokenTypeIds, minimum: 2);
        EncodeContent(text, _settings, workspace.First, int.MaxValue, out _);
        int first = Math.Min(workspace.First.Count, length - 2);
        return WriteRow(workspace.First.Ids[..first], default, hasPair: false, inputIds, attentionMask, tokenTypeIds);
    }

    /// <summary>
    /// Encodes a text pair as <c>[CLS] text [SEP] textPair [SEP]</c> into fixed-length buffers (length at
    /// least 3). When too long, tokens are removed one at a time from the end of the longer of the two texts
    /// (longest-first, the second on ties) until the pair fits. Returns the number of real tokens.
    /// </summary>
    public int EncodeToFixedLength(ReadOnlySpan<char> text, ReadOnlySpan<char> textPair, Span<int> inputIds, Span<int> attentionMask, Span<int> tokenTypeIds)
    {
        var workspace = EncodingWorkspace.Current;
        int length = CheckSequenceBuffers(inputIds, attentionMask, tokenTypeIds, minimum: 3);
        EncodeContent(text, _settings, workspace.First, int.MaxValue, out _);
        EncodeContent(textPair, _settings, workspace.Second, int.MaxValue, out _);
        var (first, second) = LongestFirst(workspace.First.Count, workspace.Second.Count, length - 3);
        return WriteRow(workspace.First.Ids[..first], workspace.Second.Ids[..second], hasPair: true, inputIds, attentionMask, tokenTypeIds);
    }

    /// <summary>
    /// Encodes a batch for a BERT model: row r is <c>[CLS] texts[r] [SEP]</c>, or
    /// <c>[CLS] texts[r] [SEP] textPairs[r] [SEP]</c> when <paramref name="textPairs"/> is given, truncated
    /// (longest-first for pairs) to <paramref name="maxSequenceLength"/> and padded. With
    /// <paramref name="padToLongest"/> the rows are padded only to the longest row of the batch.
    /// </summary>
    public BertBatchEncoding EncodeBatch(IReadOnlyList<string> texts, IReadOnlyList<string>? textPairs = null, int maxSequenceLength = 128, bool padToLongest = false)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (textPairs is not null && textPairs.Count != texts.Count)
            throw new ArgumentException($"There are {texts.Count} texts but {textPairs.Count} text pairs; the counts must agree.", nameof(textPairs));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSequenceLength, textPairs is null ? 2 : 3);

        int batch = texts.Count;
        var ids = new int[batch * maxSequenceLength];
        var mask = new int[ids.Length];
        var types = new int[ids.Length];
        var lengths = new int[batch];
        for (int r = 0; r < batch; r++)
        {
            var row = new Range(r * maxSequenceLength, (r + 1) * maxSequenceLength);
            string text = texts[r] ?? throw new ArgumentNullException(nameof(texts), $"Text {r} is null.");
            lengths[r] = textPairs is null
                ? EncodeToFixedLength(text, ids.AsSpan(row), mask.AsSpan(row), types.AsSpan(row))
                : EncodeToFixedLength(text, textPairs[r] ?? throw new ArgumentNullException(nameof(textPairs), $"Text pair {r} is null."),
                    ids.AsSpan(row), mask.AsSpan(row), types.AsSpan(row));
        }
        int length = padToLongest && batch > 0 ? lengths.Max() : maxSequenceLength;
        if (length == maxSequenceLength) return new BertBatchEncoding(batch, length, ids, mask, types, lengths);
        return new BertBatchEncoding(batch, length,
            Narrow(ids, batch, maxSequenceLength, length), Narrow(mask, batch, maxSequenceLength, length),
            Narrow(types, batch, maxSequenceLength, length), lengths);
    }

    /// <summary>Token counts (first, second) left after longest-first truncation to <paramref name="budget"/> tokens:
    /// removing one token at a time from the longer text, the second one on ties.</summary>
    internal static (int First, int Second) LongestFirst(int first, int second, int budget)
    {
        if (first + second <= budget) return (first, second);
        // The one-at-a-time loop ends with the shorter text whole if it fits in half the budget,
        // otherwise with the first text holding the larger half.
        int keptFirst = Math.Min(first, Math.Max(budget - second, budget - budget / 2));
        return (keptFirst, budget - keptFirst);
    }

    private static int CheckSequenceBuffers(Span<int> inputIds, Span<int> attentionMask, Span<int> tokenTypeIds, int minimum)
    {
        if (attentionMask.Length != inputIds.Length || tokenTypeIds.Length != inputIds.Length)
            throw new ArgumentException(
                $"The id, attention mask and token type buffers must have one length; got {inputIds.Length}, {attentionMask.Length} and {tokenTypeIds.Length}.");
        if (inputIds.Length < minimum)
            throw new ArgumentException($"The sequence length is {inputIds.Length}; it must be at least {minimum} to hold the special tokens.");
        return inputIds.Length;
    }

    private int WriteRow(ReadOnlySpan<int> first, ReadOnlySpan<int> second, bool hasPair, Span<int> inputIds, Span<int> attentionMask, Span<int> tokenTypeIds)
    {
        int n = 0;
        inputIds[n++] = ClassificationTokenId;
        first.CopyTo(inputIds[n..]);
        n += first.Length;
        inputIds[n++] = SeparatorTokenId;
        int firstSegment = n;
        if (hasPair)
        {
            second.CopyTo(inputIds[n..]);
            n += second.Length;
            inputIds[n++] = SeparatorTokenId;
        }
        inputIds[n..].Fill(PaddingTokenId);
        attentionMask[..n].Fill(1);
        attentionMask[n..].Clear();
        tokenTypeIds[..firstSegment].Clear();
        tokenTypeIds[firstSegment..n].Fill(1);
        tokenTypeIds[n..].Clear();
        return n;
    }

    private static int[] Narrow(int[] source, int rows, int sourceWidth, int width)
    {
        var result = new int[rows * width];
        for (int r = 0; r < rows; r++) source.AsSpan(r * sourceWidth, width).CopyTo(result.AsSpan(r * width, width));
        return result;
    }
}
