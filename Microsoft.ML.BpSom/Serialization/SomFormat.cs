namespace Microsoft.ML.BpSom;

/// <summary>The binary layout of one SOM inside a model file, shared by both BP-SOM models: the map with its prototypes and
/// labelling state, and the smaller per-epoch <see cref="SomSnapshot"/> of the training history.</summary>
internal static class SomFormat
{
    /// <summary>Grid size, dimension, classes, grid distance, prototypes, class counts, labels and reliabilities.</summary>
    public static void WriteMap(BinaryWriter writer, SelfOrganizingMap map)
    {
        writer.Write(map.GridSize);
        writer.Write(map.Dimension);
        writer.Write(map.ClassCount);
        writer.Write((int)map.Distance);
        writer.WriteFloatArray(map.PrototypeValues);
        writer.WriteIntArray(map.CellLabels.AllCounts);
        writer.WriteIntArray(map.Labels);
        writer.WriteIntArray(map.Reliabilities);
    }

    /// <summary>Reads what <see cref="WriteMap"/> wrote; <paramref name="name"/> (e.g. "SOM 2") names the map in errors.
    /// Inconsistent sizes surface as <see cref="ArgumentException"/>, which the model readers turn into errors naming the file.</summary>
    public static SelfOrganizingMap ReadMap(ModelLoadContext ctx, string name)
    {
        var reader = ctx.Reader;
        int grid = reader.ReadInt32(), dimension = reader.ReadInt32(), classes = reader.ReadInt32(), distance = reader.ReadInt32();
        if (!Enum.IsDefined((GridDistance)distance)) throw ctx.Error($"{name} has an unknown grid distance {distance}");
        if (grid < 1 || classes < 1) throw ctx.Error($"{name} has a {grid}×{grid} grid and {classes} classes; both need at least 1");
        var prototypes = reader.ReadFloatArray();
        var cellLabels = new SomCellLabels(grid * grid, classes);
        cellLabels.Restore(reader.ReadIntArray(), reader.ReadIntArray(), reader.ReadIntArray());
        return new SelfOrganizingMap(grid, dimension, classes, (GridDistance)distance, prototypes, cellLabels);
    }

    /// <summary>Grid size, classes, labels, reliabilities and U-matrix.</summary>
    public static void WriteSnapshot(BinaryWriter writer, SomSnapshot snapshot)
    {
        writer.Write(snapshot.GridSize);
        writer.Write(snapshot.ClassCount);
        writer.WriteIntArray(snapshot.Labels);
        writer.WriteIntArray(snapshot.Reliabilities);
        writer.WriteFloatArray(snapshot.UMatrix);
    }

    /// <summary>Reads what <see cref="WriteSnapshot"/> wrote; values a snapshot cannot hold become an error naming the file.</summary>
    public static SomSnapshot ReadSnapshot(ModelLoadContext ctx, string name)
    {
        var reader = ctx.Reader;
        int grid = reader.ReadInt32(), classes = reader.ReadInt32();
        var labels = reader.ReadIntArray();
        var reliabilities = reader.ReadIntArray();
        var uMatrix = reader.ReadFloatArray();
        try
        {
            return new SomSnapshot(grid, classes, labels, reliabilities, uMatrix);
        }
        catch (ArgumentException e)
        {
            throw ctx.Error($"inconsistent {name}: {e.Message}");
        }
    }
}
