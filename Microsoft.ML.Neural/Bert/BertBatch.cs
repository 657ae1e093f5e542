namespace Microsoft.ML.Neural.Bert;

/// <summary>A batch of tokenised sequences, row-major [BatchSize, SequenceLength]: token ids, segment
/// (token type) ids and the attention mask (1 for real tokens, 0 for padding).</summary>
public sealed class BertBatch
{
    public BertBatch(int batchSize, int sequenceLength, int[] inputIds, int[] tokenTypeIds, int[] attentionMask)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Must be positive.");
        if (sequenceLength <= 0) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, "Must be positive.");
        int n = batchSize * sequenceLength;
        Check(inputIds, n, nameof(inputIds));
        Check(tokenTypeIds, n, nameof(tokenTypeIds));
        Check(attentionMask, n, nameof(attentionMask));
        BatchSize = batchSize;
        SequenceLength = sequenceLength;
        InputIds = inputIds;
        TokenTypeIds = tokenTypeIds;
        AttentionMask = attentionMask;
    }

    /// <summary>A batch of one segment with no padding.</summary>
    public static BertBatch Unpadded(int batchSize, int sequenceLength, int[] inputIds) =>
        new(batchSize, sequenceLength, inputIds, new int[inputIds.Length], Enumerable.Repeat(1, inputIds.Length).ToArray());

    public int BatchSize { get; }
    public int SequenceLength { get; }
    public int Tokens => BatchSize * SequenceLength;
    public int[] InputIds { get; }
    public int[] TokenTypeIds { get; }
    public int[] AttentionMask { get; }

    /// <summary>Throws naming the row, position and value of the first id outside the model's tables.</summary>
    internal void Validate(BertConfig config)
    {
        if (SequenceLength > config.MaxPositionEmbeddings)
            throw new ArgumentException($"Sequence length {SequenceLength} exceeds max_position_embeddings {config.MaxPositionEmbeddings}.");
        for (int i = 0; i < Tokens; i++)
        {
            if ((uint)InputIds[i] >= (uint)config.VocabSize)
                throw new ArgumentException($"input_ids[{i / SequenceLength}, {i % SequenceLength}] = {InputIds[i]} is outside the vocabulary of {config.VocabSize}.");
            if ((uint)TokenTypeIds[i] >= (uint)config.TypeVocabSize)
                throw new ArgumentException($"token_type_ids[{i / SequenceLength}, {i % SequenceLength}] = {TokenTypeIds[i]} is outside 0..{config.TypeVocabSize - 1}.");
            if (AttentionMask[i] is not (0 or 1))
                throw new ArgumentException($"attention_mask[{i / SequenceLength}, {i % SequenceLength}] = {AttentionMask[i]} is neither 0 nor 1.");
        }
    }

    private void Check(int[] values, int n, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != n) throw new ArgumentException($"{name} has {values.Length} entries but the batch is {n} tokens.", name);
    }
}
