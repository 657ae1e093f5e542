namespace Microsoft.ML.Datasets.Tests;

/// <summary>Paths of the shared data used by the loader tests.</summary>
internal static class SharedTestData
{
    public static string DataFolder { get; } = SharedPaths.Data();

    public static string Mnist => Path.Combine(DataFolder, "mnist");

    public static string Glue(string task) => Path.Combine(DataFolder, "glue", task);
}
