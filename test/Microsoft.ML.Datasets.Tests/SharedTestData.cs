namespace Microsoft.ML.Datasets.Tests;

/// <summary>Paths of the shared data (found by walking up from the test assembly to the folder holding
/// BpSom.sln, then ../shared) and scratch folders that tests delete when done.</summary>
internal static class SharedTestData
{
    public static string DataFolder { get; } = Path.Combine(SharedFolder(), "data");

    public static string Mnist => Path.Combine(DataFolder, "mnist");

    public static string Glue(string task) => Path.Combine(DataFolder, "glue", task);

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BpSom.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
        throw new DirectoryNotFoundException($"No folder holding BpSom.sln above '{AppContext.BaseDirectory}'.");
    }
}
