namespace Microsoft.ML.Data;

/// <summary>The item kinds a <see cref="TextLoader.Column"/> can load, numbered as in ML.NET.</summary>
public enum DataKind : byte
{
    SByte = 1,
    Byte = 2,
    Int16 = 3,
    UInt16 = 4,
    Int32 = 5,
    UInt32 = 6,
    Int64 = 7,
    UInt64 = 8,
    Single = 9,
    Double = 10,
    String = 11,
    Boolean = 12,
    TimeSpan = 13,
    DateTime = 14,
    DateTimeOffset = 15,
}

/// <summary>Conversions between <see cref="DataKind"/> and column types.</summary>
internal static class DataKindExtensions
{
    public static PrimitiveDataViewType ToDataViewType(this DataKind kind) => kind switch
    {
        DataKind.SByte => NumberDataViewType.SByte,
        DataKind.Byte => NumberDataViewType.Byte,
        DataKind.Int16 => NumberDataViewType.Int16,
        DataKind.UInt16 => NumberDataViewType.UInt16,
        DataKind.Int32 => NumberDataViewType.Int32,
        DataKind.UInt32 => NumberDataViewType.UInt32,
        DataKind.Int64 => NumberDataViewType.Int64,
        DataKind.UInt64 => NumberDataViewType.UInt64,
        DataKind.Single => NumberDataViewType.Single,
        DataKind.Double => NumberDataViewType.Double,
        DataKind.String => TextDataViewType.Instance,
        DataKind.Boolean => BooleanDataViewType.Instance,
        DataKind.TimeSpan => TimeSpanDataViewType.Instance,
        DataKind.DateTime => DateTimeDataViewType.Instance,
        DataKind.DateTimeOffset => DateTimeOffsetDataViewType.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), $"Unknown DataKind {(int)kind}."),
    };

    /// <summary>The kind whose values have .NET type <paramref name="rawType"/>; false when there is none.</summary>
    public static bool TryFromRawType(Type rawType, out DataKind kind)
    {
        foreach (DataKind candidate in Enum.GetValues<DataKind>())
        {
            if (candidate.ToDataViewType().RawType == rawType)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
