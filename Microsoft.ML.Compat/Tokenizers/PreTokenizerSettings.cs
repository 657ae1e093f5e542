namespace Microsoft.ML.Tokenizers;

/// <summary>What <see cref="TextSplitter"/> does to one input: BERT's normalization steps (clean,
/// lowercase, strip accents, isolate CJK ideographs) and pre-tokenization steps (split on whitespace,
/// split off punctuation, keep special tokens whole).</summary>
internal readonly record struct PreTokenizerSettings(
    bool Clean,
    bool Lowercase,
    bool StripAccents,
    bool IsolateCjk,
    bool SplitOnWhitespace,
    bool SplitOnPunctuation,
    SpecialTokenMatcher? SpecialTokens)
{
    /// <summary>True when any step changes characters, i.e. when there is a normalized text to report.</summary>
    public bool Normalizes => Clean || Lowercase || StripAccents || IsolateCjk;
}
