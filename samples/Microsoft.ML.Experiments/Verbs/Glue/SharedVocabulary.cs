namespace Microsoft.ML.Experiments.Verbs.Glue;

/// <summary>Finds the BERT uncased WordPiece vocabulary for a randomly initialised encoder: <c>shared/models/bert-base-uncased-vocab/vocab.txt</c>
/// in or above the working folder or the tool's folder (the way data is found in <c>shared/data</c>).</summary>
public static class SharedVocabulary
{
    private static readonly string[] RelativePath = ["shared", "models", "bert-base-uncased-vocab", "vocab.txt"];

    public static string Find()
    {
        var tried = new List<string>();
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine([dir.FullName, .. RelativePath]);
                if (File.Exists(candidate))
                    return candidate;
            }
            tried.Add(Path.Combine([start, .. RelativePath]) + " (and above)");
        }
        throw new Configuration.UsageException(
            $"No BERT vocabulary found at {string.Join(", ", tried)}; give one with --vocabulary or a checkpoint folder with --checkpoint.");
    }
}
