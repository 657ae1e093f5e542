namespace Microsoft.ML.Data;

/// <summary>The numeric column types. Each is a singleton; its name is the raw type's name ("Single").</summary>
public sealed class NumberDataViewType : PrimitiveDataViewType
{
    private NumberDataViewType(Type rawType) : base(rawType) { }

    public static NumberDataViewType SByte { get; } = new(typeof(sbyte));
    public static NumberDataViewType Byte { get; } = new(typeof(byte));
    public static NumberDataViewType Int16 { get; } = new(typeof(short));
    public static NumberDataViewType UInt16 { get; } = new(typeof(ushort));
    public static NumberDataViewType Int32 { get; } = new(typeof(int));
    public static NumberDataViewType UInt32 { get; } = new(typeof(uint));
    public static NumberDataViewType Int64 { get; } = new(typeof(long));
    public static NumberDataViewType UInt64 { get; } = new(typeof(ulong));
    public static NumberDataViewType Single { get; } = new(typeof(float));
    public static NumberDataViewType Double { get; } = new(typeof(double));

    /// <summary>The number type whose raw type is <paramref name="rawType"/>, or null when it is not a number type.</summary>
    public static NumberDataViewType? FromRawType(Type rawType) =>
        rawType == typeof(sbyte) ? SByte :
        rawType == typeof(byte) ? Byte :
        rawType == typeof(short) ? Int16 :
        rawType == typeof(ushort) ? UInt16 :
        rawType == typeof(int) ? Int32 :
        rawType == typeof(uint) ? UInt32 :
        rawType == typeof(long) ? Int64 :
        rawType == typeof(ulong) ? UInt64 :
        rawType == typeof(float) ? Single :
        rawType == typeof(double) ? Double : null;

    public override string ToString() => RawType.Name;
}
