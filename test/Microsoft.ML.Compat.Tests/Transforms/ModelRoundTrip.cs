namespace Microsoft.ML.Compat.Tests.Transforms;

/// <summary>Saves a transformer with Model.Save and loads it back with Model.Load, through memory.</summary>
internal static class ModelRoundTrip
{
    public static ITransformer SaveAndLoad(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, inputSchema, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out var loadedSchema);
        Assert.AreEqual(inputSchema.Count, loadedSchema.Count);
        return loaded;
    }
}
