namespace Microsoft.ML.Compat.Tests.Tokenizers;

/// <summary>Locates the shared BERT vocabulary: walks up from the test assembly to the folder holding
/// BpSom.sln, then into ../shared.</summary>
internal static class TokenizerTestData
{
    public static string BertBaseUncasedVocab { get; } =
        Path.Combine(SharedFolder(), "models", "bert-base-uncased-vocab", "vocab.txt");

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BpSom.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
        throw new DirectoryNotFoundException($"No folder holding BpSom.sln above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>Writes a vocabulary file with the given tokens (id = position) to a fresh temp file.</summary>
    public static string WriteVocab(params string[] tokens)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, tokens);
        return path;
    }
}
