namespace Microsoft.ML.BpSom.Tests;

/// <summary>Model files for the save/load tests: a trip through <c>ml.Model.Save/Load</c> in memory, and the fixtures of earlier
/// format versions copied beside the tests.</summary>
internal static class ModelFiles
{
    /// <summary>Saves <paramref name="model"/> (with the schema it reads) and loads it back, as a user's file round trip would.</summary>
    public static ITransformer RoundTrip(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _);
    }

    /// <summary>A file under Fixtures/, written by an earlier version's code.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
