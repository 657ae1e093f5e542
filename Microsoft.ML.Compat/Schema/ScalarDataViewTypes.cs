namespace Microsoft.ML.Data;

/// <summary>Text columns. Values are <see cref="ReadOnlyMemory{T}"/> of char, not string.</summary>
public sealed class TextDataViewType : PrimitiveDataViewType
{
    private TextDataViewType() : base(typeof(ReadOnlyMemory<char>)) { }
    public static TextDataViewType Instance { get; } = new();
    public override string ToString() => "String";
}

/// <summary>Boolean columns.</summary>
public sealed class BooleanDataViewType : PrimitiveDataViewType
{
    private BooleanDataViewType() : base(typeof(bool)) { }
    public static BooleanDataViewType Instance { get; } = new();
    public override string ToString() => "Boolean";
}

/// <summary>Date-time columns.</summary>
public sealed class DateTimeDataViewType : PrimitiveDataViewType
{
    private DateTimeDataViewType() : base(typeof(DateTime)) { }
    public static DateTimeDataViewType Instance { get; } = new();
    public override string ToString() => "DateTime";
}

/// <summary>Date-time-with-offset columns.</summary>
public sealed class DateTimeOffsetDataViewType : PrimitiveDataViewType
{
    private DateTimeOffsetDataViewType() : base(typeof(DateTimeOffset)) { }
    public static DateTimeOffsetDataViewType Instance { get; } = new();
    public override string ToString() => "DateTimeOffset";
}

/// <summary>Time-span columns.</summary>
public sealed class TimeSpanDataViewType : PrimitiveDataViewType
{
    private TimeSpanDataViewType() : base(typeof(TimeSpan)) { }
    public static TimeSpanDataViewType Instance { get; } = new();
    public override string ToString() => "TimeSpan";
}

/// <summary>Row-id columns (<see cref="DataViewRowId"/>).</summary>
public sealed class RowIdDataViewType : PrimitiveDataViewType
{
    private RowIdDataViewType() : base(typeof(DataViewRowId)) { }
    public static RowIdDataViewType Instance { get; } = new();
    public override string ToString() => "DataViewRowId";
}
