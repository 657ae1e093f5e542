namespace Microsoft.ML.Neural.Tests.Checkpoints;

/// <summary>Locates test fixtures: those kept beside the tests in the repository, and the shared
/// ones in <c>../shared/fixtures</c> next to the repository root.</summary>
internal static class FixturePaths
{
    /// <summary>A file or folder under test/Microsoft.ML.Neural.Tests/.</summary>
    public static string Local(params string[] parts) =>
        Path.Combine([SharedPaths.RepoRoot, "test", "Microsoft.ML.Neural.Tests", .. parts]);

    /// <summary>A file or folder under ../shared/fixtures/.</summary>
    public static string Shared(params string[] parts) => SharedPaths.Fixtures(parts);

    /// <summary>A fresh empty folder under the system temp folder for one test.</summary>
    public static string NewTempFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "neural-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
