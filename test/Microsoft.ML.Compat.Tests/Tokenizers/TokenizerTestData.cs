namespace Microsoft.ML.Compat.Tests.Tokenizers;

/// <summary>The shared BERT vocabulary and small vocabularies written for one test.</summary>
internal static class TokenizerTestData
{
    public static string BertBaseUncasedVocab { get; } =
        SharedPaths.Models("bert-base-uncased-vocab", "vocab.txt");

    /// <summary>Writes a vocabulary file with the given tokens (id = position) to a fresh temp file.</summary>
    public static string WriteVocab(params string[] tokens)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, tokens);
        return path;
    }
}
