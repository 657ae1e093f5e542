namespace Microsoft.ML.Datasets.Tests;

/// <summary>Writes small GLUE-format files: UTF-8, LF line endings, the last line without a newline.</summary>
internal static class GlueTestFiles
{
    public static string Write(TempFolder folder, string name, params string[] lines)
    {
        string path = folder.File(name);
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }
}
