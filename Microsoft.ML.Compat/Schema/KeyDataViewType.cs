namespace Microsoft.ML.Data;

/// <summary>
/// A key (categorical index) type. Values are unsigned integers where <b>0 means missing</b> and valid values
/// are 1..<see cref="Count"/>. The original values usually travel in the column's "KeyValues" annotation.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    public KeyDataViewType(Type type, ulong count) : base(type)
    {
        if (!IsValidDataType(type))
            throw new ArgumentException($"Key raw type must be Byte, UInt16, UInt32 or UInt64, got {type.Name}.", nameof(type));
        if (count == 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Key count must be positive.");
        if (count > MaxCount(type))
            throw new ArgumentOutOfRangeException(nameof(count), $"Key count {count} does not fit in {type.Name}.");
        Count = count;
    }

    public KeyDataViewType(Type type, int count)
        : this(type, count > 0 ? (ulong)count : throw new ArgumentOutOfRangeException(nameof(count), "Key count must be positive.")) { }

    /// <summary>Number of valid key values (the keys are 1..Count; 0 is missing).</summary>
    public ulong Count { get; }

    /// <summary>True for the raw types a key may use: byte, ushort, uint, ulong.</summary>
    public static bool IsValidDataType(Type type) =>
        type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

    private static ulong MaxCount(Type type) =>
        type == typeof(byte) ? byte.MaxValue : type == typeof(ushort) ? ushort.MaxValue : type == typeof(uint) ? uint.MaxValue : ulong.MaxValue;

    public override bool Equals(DataViewType? other) =>
        other is KeyDataViewType key && key.RawType == RawType && key.Count == Count;

    public override int GetHashCode() => HashCode.Combine(RawType, Count);

    public override string ToString() => $"Key<{RawType.Name}, 0-{Count - 1}>";
}
