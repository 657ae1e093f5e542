namespace Microsoft.ML.Data;

/// <summary>
/// Where a loaded column's values sit in a line and what type they become: a scalar reads one field, a vector
/// reads its ranges in order (an open range runs to the end of the line and makes the vector variable-size).
/// </summary>
internal sealed class TextColumnLayout
{
    private TextColumnLayout(string name, DataViewType type, PrimitiveDataViewType itemType, TextLoader.Range[] ranges)
    {
        Name = name;
        Type = type;
        ItemType = itemType;
        Ranges = ranges;
        RequiredFieldCount = ranges.Max(r => r.Max is int max ? max + 1 : r.Min);
    }

    public string Name { get; }
    public DataViewType Type { get; }
    public PrimitiveDataViewType ItemType { get; }
    public TextLoader.Range[] Ranges { get; }
    public bool IsVector => Type is VectorDataViewType;

    /// <summary>The fewest fields a line may have for this column to be read.</summary>
    public int RequiredFieldCount { get; }

    public static TextColumnLayout Create(TextLoader.Column column)
    {
        var itemType = column.KeyCount is { } keyCount ? KeyType(column, keyCount) : column.DataKind.ToDataViewType();
        var ranges = column.Source;
        bool isVector = ranges.Length > 1 || ranges[0].Max != ranges[0].Min || ranges[0].ForceVector;
        if (!isVector)
            return new TextColumnLayout(column.Name, itemType, itemType, ranges);
        bool isOpen = ranges.Any(r => r.Max is null);
        int size = isOpen ? 0 : ranges.Sum(r => r.Max!.Value - r.Min + 1);
        return new TextColumnLayout(column.Name, new VectorDataViewType(itemType, size), itemType, ranges);
    }

    /// <summary>Creates a reader of this column's values for one cursor.</summary>
    public TextColumnReader CreateReader()
    {
        var readerType = (IsVector ? typeof(VectorTextColumnReader<>) : typeof(ScalarTextColumnReader<>)).MakeGenericType(ItemType.RawType);
        return (TextColumnReader)Activator.CreateInstance(readerType, this)!;
    }

    private static KeyDataViewType KeyType(TextLoader.Column column, KeyCount keyCount)
    {
        var raw = column.DataKind.ToDataViewType().RawType;
        if (!KeyDataViewType.IsValidDataType(raw))
            throw new ArgumentException($"Key column '{column.Name}' must have kind Byte, UInt16, UInt32 or UInt64, got {column.DataKind}.");
        return new KeyDataViewType(raw, keyCount.Count);
    }
}
