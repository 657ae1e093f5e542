using Microsoft.ML.Tokenizers;

namespace Microsoft.ML;

/// <summary>The BERT tokenization transform on <c>mlContext.Transforms.Text</c>.</summary>
public static class WordPieceCatalog
{
    /// <summary>
    /// Tokenizes <paramref name="sentence1ColumnName"/> (and <paramref name="sentence2ColumnName"/> for sentence-pair
    /// tasks) with <paramref name="tokenizer"/> into three Vector&lt;Int32, <paramref name="maxSequenceLength"/>&gt;
    /// columns ready for a BERT encoder: token ids (<c>[CLS] a [SEP] (b [SEP])</c> then [PAD]), attention mask
    /// (1 for tokens, 0 for padding) and token type ids (0 for the first segment, 1 for the second). Too long
    /// inputs are truncated, pairs longest-first.
    /// </summary>
    public static WordPieceTokenizingEstimator TokenizeIntoWordPieceIds(this TransformsCatalog.TextTransforms catalog,
        BertTokenizer tokenizer, string sentence1ColumnName = "Sentence1", string? sentence2ColumnName = null, int maxSequenceLength = 128,
        string inputIdsColumnName = "InputIds", string attentionMaskColumnName = "AttentionMask", string tokenTypeIdsColumnName = "TokenTypeIds")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentException.ThrowIfNullOrEmpty(sentence1ColumnName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSequenceLength, sentence2ColumnName is null ? 2 : 3);
        ArgumentException.ThrowIfNullOrEmpty(inputIdsColumnName);
        ArgumentException.ThrowIfNullOrEmpty(attentionMaskColumnName);
        ArgumentException.ThrowIfNullOrEmpty(tokenTypeIdsColumnName);
        return new WordPieceTokenizingEstimator(tokenizer, new WordPieceColumns(sentence1ColumnName, sentence2ColumnName, maxSequenceLength,
            inputIdsColumnName, attentionMaskColumnName, tokenTypeIdsColumnName));
    }
}
