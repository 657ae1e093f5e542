namespace Microsoft.ML.TestSupport;

/// <summary>Where the tests find the repository and the read-only material beside it: the folder holding
/// BpSom.sln, found by walking up from the test assembly, and <c>../shared</c> next to it.
/// Compiled into every test project (Directory.Build.props).</summary>
internal static class SharedPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedFolder { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>A file or folder under ../shared/data/.</summary>
    public static string Data(params string[] parts) => Path.Combine([SharedFolder, "data", .. parts]);

    /// <summary>A file or folder under ../shared/models/.</summary>
    public static string Models(params string[] parts) => Path.Combine([SharedFolder, "models", .. parts]);

    /// <summary>A file or folder under ../shared/fixtures/.</summary>
    public static string Fixtures(params string[] parts) => Path.Combine([SharedFolder, "fixtures", .. parts]);

    /// <summary>The MNIST IDX folder.</summary>
    public static string Mnist => Data("mnist");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BpSom.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No folder holding BpSom.sln above '{AppContext.BaseDirectory}'.");
    }
}
