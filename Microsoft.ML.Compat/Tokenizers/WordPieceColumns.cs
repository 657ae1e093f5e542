namespace Microsoft.ML.Tokenizers;

/// <summary>Input and output column names and the sequence length of a <see cref="WordPieceTokenizingTransformer"/>.</summary>
internal sealed record WordPieceColumns(
    string Sentence1, string? Sentence2, int MaxSequenceLength,
    string InputIds, string AttentionMask, string TokenTypeIds)
{
    /// <summary>Output names in output order: ids, mask, type ids.</summary>
    public string[] OutputNames => [InputIds, AttentionMask, TokenTypeIds];

    public void Write(BinaryWriter writer)
    {
        writer.Write(Sentence1);
        writer.Write(Sentence2 ?? "");
        writer.Write(MaxSequenceLength);
        writer.WriteStringArray(OutputNames);
    }

    public static WordPieceColumns Read(BinaryReader reader)
    {
        string sentence1 = reader.ReadString();
        string sentence2 = reader.ReadString();
        int length = reader.ReadInt32();
        string[] outputs = reader.ReadStringArray();
        return new WordPieceColumns(sentence1, sentence2.Length == 0 ? null : sentence2, length, outputs[0], outputs[1], outputs[2]);
    }
}
