using System.Text;

namespace Microsoft.ML.Tokenizers;

/// <summary>Writes a <see cref="BertTokenizer"/> (vocabulary and options) into a saved model and reads it back.</summary>
internal static class BertTokenizerFormat
{
    public static void Write(BinaryWriter writer, BertTokenizer tokenizer)
    {
        writer.WriteStringArray(tokenizer.VocabularyLines());
        writer.Write(tokenizer.UnknownToken);
        writer.Write(tokenizer.ContinuingSubwordPrefix);
        writer.Write(tokenizer.MaxInputCharsPerWord);
        writer.Write(tokenizer.LowerCaseBeforeTokenization);
        writer.Write(tokenizer.ApplyBasicTokenization);
        writer.Write(tokenizer.SplitOnSpecialTokens);
        writer.Write(tokenizer.IndividuallyTokenizeCjk);
        writer.Write(tokenizer.RemoveNonSpacingMarks);
        writer.WriteStringArray([tokenizer.SeparatorToken, tokenizer.PaddingToken, tokenizer.ClassificationToken, tokenizer.MaskingToken]);
        writer.WriteStringArray(tokenizer.SpecialTokens.Keys.ToArray());
        writer.WriteIntArray(tokenizer.SpecialTokens.Values.ToArray());
    }

    public static BertTokenizer Read(BinaryReader reader)
    {
        string[] lines = reader.ReadStringArray();
        var options = new BertOptions
        {
            UnknownToken = reader.ReadString(),
            ContinuingSubwordPrefix = reader.ReadString(),
            MaxInputCharsPerWord = reader.ReadInt32(),
            LowerCaseBeforeTokenization = reader.ReadBoolean(),
            ApplyBasicTokenization = reader.ReadBoolean(),
            SplitOnSpecialTokens = reader.ReadBoolean(),
            IndividuallyTokenizeCjk = reader.ReadBoolean(),
            RemoveNonSpacingMarks = reader.ReadBoolean(),
        };
        string[] named = reader.ReadStringArray();
        (options.SeparatorToken, options.PaddingToken, options.ClassificationToken, options.MaskingToken) = (named[0], named[1], named[2], named[3]);
        string[] specialTokens = reader.ReadStringArray();
        int[] specialIds = reader.ReadIntArray();
        options.SpecialTokens = specialTokens.Zip(specialIds).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        using var vocabulary = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return BertTokenizer.Create(vocabulary, options);
    }
}
