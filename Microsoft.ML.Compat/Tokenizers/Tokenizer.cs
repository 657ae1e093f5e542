namespace Microsoft.ML.Tokenizers;

/// <summary>
/// Base of the tokenizers: text → token ids and back. Mirrors the shape of ML.NET's
/// <c>Microsoft.ML.Tokenizers.Tokenizer</c>. <c>considerNormalization: false</c> skips the text's
/// normalization (cleaning, lowercasing, accent stripping); <c>considerPreTokenization: false</c> treats
/// the whole text as one word.
/// </summary>
public abstract class Tokenizer
{
    /// <summary>The ids of the tokens of <paramref name="text"/>.</summary>
    public abstract IReadOnlyList<int> EncodeToIds(string text, bool considerPreTokenization = true, bool considerNormalization = true);

    /// <summary>
    /// The ids of at most <paramref name="maxTokenCount"/> tokens from the start of <paramref name="text"/>.
    /// Words are kept whole: a word whose pieces do not all fit is dropped. <paramref name="charsConsumed"/>
    /// is the length of the input covered by the returned tokens; <paramref name="normalizedText"/> is
    /// the normalized text, or null when normalization was not applied.
    /// </summary>
    public abstract IReadOnlyList<int> EncodeToIds(string text, int maxTokenCount, out string? normalizedText, out int charsConsumed,
        bool considerPreTokenization = true, bool considerNormalization = true);

    /// <summary>The tokens of <paramref name="text"/> with their ids, strings and ranges of <paramref name="text"/>.</summary>
    public abstract IReadOnlyList<EncodedToken> EncodeToTokens(string text, out string? normalizedText,
        bool considerPreTokenization = true, bool considerNormalization = true);

    /// <summary>Number of tokens <see cref="EncodeToIds(string, bool, bool)"/> would return.</summary>
    public virtual int CountTokens(string text, bool considerPreTokenization = true, bool considerNormalization = true) =>
        EncodeToIds(text, considerPreTokenization, considerNormalization).Count;

    /// <summary>Text of the given token ids.</summary>
    public abstract string Decode(IEnumerable<int> ids);
}
