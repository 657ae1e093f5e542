namespace Microsoft.ML.Transforms;

/// <summary>Writes and reads lists of (output, input) column names in model files.</summary>
internal static class ColumnPairsFormat
{
    public static void Write(BinaryWriter writer, IReadOnlyList<InputOutputColumnPair> columns)
    {
        writer.Write(columns.Count);
        foreach (var pair in columns)
        {
            writer.Write(pair.OutputColumnName);
            writer.Write(pair.InputColumnName);
        }
    }

    public static InputOutputColumnPair[] Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0)
            throw new InvalidDataException($"Invalid column count {count}.");
        var columns = new InputOutputColumnPair[count];
        for (int i = 0; i < count; i++)
        {
            string output = reader.ReadString();
            columns[i] = new InputOutputColumnPair(output, reader.ReadString());
        }
        return columns;
    }
}
