namespace Microsoft.ML.Neural.Tests.Checkpoints;

/// <summary>Locates test fixtures: those kept beside the tests in the repository, and the shared
/// ones in <c>../shared/fixtures</c> next to the repository root.</summary>
internal static class FixturePaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A file or folder under test/Microsoft.ML.Neural.Tests/.</summary>
    public static string Local(params string[] parts) =>
        Path.Combine([RepoRoot, "test", "Microsoft.ML.Neural.Tests", .. parts]);

    /// <summary>A file or folder under ../shared/fixtures/.</summary>
    public static string Shared(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", "fixtures", .. parts]));

    /// <summary>A fresh empty folder under the system temp folder for one test.</summary>
    public static string NewTempFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "neural-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BpSom.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No BpSom.sln above {AppContext.BaseDirectory}.");
    }
}
