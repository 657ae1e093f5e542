namespace Microsoft.ML.BpSom;

/// <summary>The binary layout of the per-epoch training histories inside both BP-SOM model files. Format version 1 stored the
/// statistics only; version 2 appends each epoch's SOM snapshots (<see cref="SomFormat.WriteSnapshot"/>), which version 1
/// histories load without.</summary>
internal static class BpSomHistoryFormat
{
    /// <summary>The first model format version whose histories carry SOM snapshots.</summary>
    public const int SnapshotsSince = 2;

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
            writer.Write(epoch.Soms.Count);
            foreach (var som in epoch.Soms) SomFormat.WriteSnapshot(writer, som);
        }
    }

    /// <summary>Reads a history of the original trainer written by a model of format <paramref name="version"/>.</summary>
    public static BpSomEpochStatistics[] Read(ModelLoadContext ctx, int version)
    {
        var reader = ctx.Reader;
        var history = new BpSomEpochStatistics[ReadCount(ctx, "history length")];
        for (int i = 0; i < history.Length; i++)
        {
            history[i] = new BpSomEpochStatistics(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), ReadOptional(reader),
                ReadOptional(reader), reader.ReadDouble(), reader.ReadInt32(), reader.ReadIntArray(), reader.ReadSingle(), reader.ReadInt32(),
                reader.ReadBoolean());
            if (version < SnapshotsSince) continue;
            var soms = new SomSnapshot[ReadCount(ctx, $"SOM snapshot count of epoch {history[i].Epoch}")];
            for (int h = 0; h < soms.Length; h++) soms[h] = SomFormat.ReadSnapshot(ctx, $"SOM {h + 1} snapshot of epoch {history[i].Epoch}");
            history[i] = history[i] with { Soms = soms };
        }
        return history;
    }

    public static void Write(BinaryWriter writer, IReadOnlyList<BpSomTextEpochStatistics> history)
    {
        writer.Write(history.Count);
        foreach (var e in history)
        {
            writer.Write(e.Epoch);
            writer.Write(e.TrainingLoss);
            writer.Write(e.TrainingAccuracy);
            WriteOptional(writer, e.ValidationLoss);
            WriteOptional(writer, e.ValidationAccuracy);
            writer.Write(e.SomUsagePercent);
            writer.Write(e.PrunedUnits);
            writer.Write(e.TotalPrunedUnits);
            writer.Write(e.HiddenSize);
            writer.Write(e.SomLearningRate);
            writer.Write(e.SomRadius);
            writer.Write(e.Seconds);
            writer.Write(e.IsBest);
            writer.Write(e.Som is not null);
            if (e.Som is not null) SomFormat.WriteSnapshot(writer, e.Som);
        }
    }

    /// <summary>Reads a history of the text classifier written by a model of format <paramref name="version"/>.</summary>
    public static BpSomTextEpochStatistics[] ReadText(ModelLoadContext ctx, int version)
    {
        var reader = ctx.Reader;
        var history = new BpSomTextEpochStatistics[ReadCount(ctx, "history length")];
        for (int i = 0; i < history.Length; i++)
        {
            history[i] = new BpSomTextEpochStatistics(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), ReadOptional(reader),
                ReadOptional(reader), reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle(),
                reader.ReadInt32(), reader.ReadDouble(), reader.ReadBoolean());
            if (version >= SnapshotsSince && reader.ReadBoolean())
                history[i] = history[i] with { Som = SomFormat.ReadSnapshot(ctx, $"SOM snapshot of epoch {history[i].Epoch}") };
        }
        return history;
    }

    private static int ReadCount(ModelLoadContext ctx, string what)
    {
        int count = ctx.Reader.ReadInt32();
        if (count < 0) throw ctx.Error($"negative {what} {count}");
        return count;
    }

    private static void WriteOptional(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        if (value.HasValue) writer.Write(value.Value);
    }

    private static double? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDouble() : null;
}
