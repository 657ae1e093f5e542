namespace Microsoft.ML.Tokenizers;

/// <summary>Settings of a <see cref="BertTokenizer"/>. The defaults fit uncased BERT vocabularies
/// (bert-base-uncased and its smaller relatives).</summary>
public sealed class BertOptions : WordPieceOptions
{
    /// <summary>Lowercase the text before tokenization (uncased models).</summary>
    public bool LowerCaseBeforeTokenization { get; set; } = true;

    /// <summary>Clean the text and split it on whitespace, punctuation and CJK ideographs before
    /// WordPiece. When false the text is only split on whitespace.</summary>
    public bool ApplyBasicTokenization { get; set; } = true;

    /// <summary>Keep special tokens such as <c>[SEP]</c> whole when they occur in the input text.</summary>
    public bool SplitOnSpecialTokens { get; set; } = true;

    public string SeparatorToken { get; set; } = "[SEP]";
    public string PaddingToken { get; set; } = "[PAD]";
    public string ClassificationToken { get; set; } = "[CLS]";
    public string MaskingToken { get; set; } = "[MASK]";

    /// <summary>Make every CJK ideograph a token of its own.</summary>
    public bool IndividuallyTokenizeCjk { get; set; } = true;

    /// <summary>Strip accents (decompose to NFD and drop non-spacing marks). Null, the default, follows
    /// <see cref="LowerCaseBeforeTokenization"/> as the original BERT and Hugging Face tokenizers do, so
    /// that uncased vocabularies see "café" as "cafe". (ML.NET's flag is a plain bool defaulting to false.)</summary>
    public bool? RemoveNonSpacingMarks { get; set; }
}
