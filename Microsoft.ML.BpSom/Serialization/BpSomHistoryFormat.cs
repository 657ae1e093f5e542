namespace Microsoft.ML.BpSom;

/// <summary>The binary layout of the per-epoch training history inside a model file.</summary>
internal static class BpSomHistoryFormat
{
    public static void Write(BinaryWriter writer, IReadOnlyList<BpSomEpochStatistics> history)
    {
        writer.Write(history.Count);
        foreach (var epoch in history)
        {
            writer.Write(epoch.Epoch);
            writer.Write(epoch.Loss);
            writer.Write(epoch.TrainingAccuracy);
            WriteOptional(writer, epoch.ValidationAccuracy);
            WriteOptional(writer, epoch.ValidationError);
            writer.Write(epoch.SomUsagePercent);
            writer.Write(epoch.PrunedUnits);
            writer.WriteIntArray(epoch.HiddenLayerSizes.ToArray());
            writer.Write(epoch.SomLearningRate);
            writer.Write(epoch.SomRadius);
            writer.Write(epoch.IsBest);
        }
    }

    public static BpSomEpochStatistics[] Read(ModelLoadContext ctx)
    {
        var reader = ctx.Reader;
        int count = reader.ReadInt32();
        if (count < 0) throw ctx.Error($"negative history length {count}");
        var history = new BpSomEpochStatistics[count];
        for (int i = 0; i < count; i++)
            history[i] = new BpSomEpochStatistics(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), ReadOptional(reader),
                ReadOptional(reader), reader.ReadDouble(), reader.ReadInt32(), reader.ReadIntArray(), reader.ReadSingle(), reader.ReadInt32(),
                reader.ReadBoolean());
        return history;
    }

    private static void WriteOptional(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        if (value.HasValue) writer.Write(value.Value);
    }

    private static double? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDouble() : null;
}
