namespace Microsoft.ML.Tokenizers;

/// <summary>
/// BERT model inputs for a batch of texts or text pairs, each array row-major
/// [<see cref="BatchSize"/> × <see cref="SequenceLength"/>]: row r occupies
/// <c>[r * SequenceLength, (r + 1) * SequenceLength)</c>. Made by
/// <see cref="BertTokenizer.EncodeBatch(IReadOnlyList{string}, IReadOnlyList{string}?, int, bool)"/>.
/// </summary>
public sealed class BertBatchEncoding
{
    internal BertBatchEncoding(int batchSize, int sequenceLength, int[] inputIds, int[] attentionMask, int[] tokenTypeIds, int[] lengths)
    {
        BatchSize = batchSize;
        SequenceLength = sequenceLength;
        InputIds = inputIds;
        AttentionMask = attentionMask;
        TokenTypeIds = tokenTypeIds;
        Lengths = lengths;
    }

    public int BatchSize { get; }
    public int SequenceLength { get; }

    /// <summary><c>[CLS] a [SEP]</c> or <c>[CLS] a [SEP] b [SEP]</c>, then [PAD] ids.</summary>
    public int[] InputIds { get; }

    /// <summary>1 for real tokens, 0 for padding.</summary>
    public int[] AttentionMask { get; }

    /// <summary>0 for <c>[CLS] a [SEP]</c>, 1 for <c>b [SEP]</c>, 0 for padding.</summary>
    public int[] TokenTypeIds { get; }

    /// <summary>Number of real (non-padding) tokens in each row.</summary>
    public int[] Lengths { get; }
}
