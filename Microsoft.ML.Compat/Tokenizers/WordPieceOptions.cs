namespace Microsoft.ML.Tokenizers;

/// <summary>Settings of a <see cref="WordPieceTokenizer"/>.</summary>
public class WordPieceOptions
{
    /// <summary>Tokens kept whole wherever they occur in the input (token → id). A
    /// <see cref="BertTokenizer"/> always adds its own ([UNK], [CLS], [SEP], [PAD], [MASK]) to these.</summary>
    public IReadOnlyDictionary<string, int>? SpecialTokens { get; set; }

    /// <summary>The token that stands for a word WordPiece cannot spell with the vocabulary.</summary>
    public string UnknownToken { get; set; } = "[UNK]";

    /// <summary>Prefix of vocabulary entries that continue a word (<c>##</c> in <c>un ##aff ##able</c>).</summary>
    public string ContinuingSubwordPrefix { get; set; } = "##";

    /// <summary>Words longer than this many characters (code points) become a single unknown token.</summary>
    public int MaxInputCharsPerWord { get; set; } = 100;
}
