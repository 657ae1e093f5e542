namespace Microsoft.ML.Data;

/// <summary>Reads a numeric or key column of any raw type as <see cref="double"/> (keys give their raw value, 0 = missing).</summary>
internal static class NumericGetters
{
    public static bool IsNumericOrKey(DataViewType type) => type is NumberDataViewType or KeyDataViewType;

    /// <summary>A function returning the current row's value of <paramref name="column"/>, which must be active.</summary>
    public static Func<double> AsDouble(DataViewRow row, DataViewSchema.Column column)
    {
        var raw = column.Type.RawType;
        if (raw == typeof(float)) return Wrap<float>(row, column, v => v);
        if (raw == typeof(double)) return Wrap<double>(row, column, v => v);
        if (raw == typeof(sbyte)) return Wrap<sbyte>(row, column, v => v);
        if (raw == typeof(byte)) return Wrap<byte>(row, column, v => v);
        if (raw == typeof(short)) return Wrap<short>(row, column, v => v);
        if (raw == typeof(ushort)) return Wrap<ushort>(row, column, v => v);
        if (raw == typeof(int)) return Wrap<int>(row, column, v => v);
        if (raw == typeof(uint)) return Wrap<uint>(row, column, v => v);
        if (raw == typeof(long)) return Wrap<long>(row, column, v => v);
        if (raw == typeof(ulong)) return Wrap<ulong>(row, column, v => v);
        throw new ArgumentException($"Column '{column.Name}' of type {column.Type} is not numeric.", nameof(column));
    }

    private static Func<double> Wrap<T>(DataViewRow row, DataViewSchema.Column column, Func<T, double> convert)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return convert(value);
        };
    }
}
