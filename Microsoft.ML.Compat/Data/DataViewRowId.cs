namespace Microsoft.ML.Data;

/// <summary>A 128-bit row identifier, unique within a data view.</summary>
public readonly struct DataViewRowId : IEquatable<DataViewRowId>, IComparable<DataViewRowId>
{
    public readonly ulong Low;
    public readonly ulong High;

    public DataViewRowId(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    public bool Equals(DataViewRowId other) => Low == other.Low && High == other.High;
    public override bool Equals(object? obj) => obj is DataViewRowId other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Low, High);
    public int CompareTo(DataViewRowId other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);
    public static bool operator ==(DataViewRowId a, DataViewRowId b) => a.Equals(b);
    public static bool operator !=(DataViewRowId a, DataViewRowId b) => !a.Equals(b);
    public override string ToString() => High == 0 ? Low.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{High}:{Low}";
}
