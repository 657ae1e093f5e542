using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Reads a Single or Double column (scalar or vector) of the current row as dense doubles.</summary>
internal static class NumericSlots
{
    /// <summary>A function returning the current row's values (the array is reused between rows).</summary>
    public static Func<double[]> Reader(DataViewRow row, DataViewSchema.Column column)
    {
        bool isVector = column.Type is VectorDataViewType;
        var itemType = isVector ? ((VectorDataViewType)column.Type).ItemType : column.Type;
        if (itemType == NumberDataViewType.Single)
            return isVector ? VectorReader<float>(row, column, v => v) : ScalarReader<float>(row, column, v => v);
        return isVector ? VectorReader<double>(row, column, v => v) : ScalarReader<double>(row, column, v => v);
    }

    private static Func<double[]> ScalarReader<T>(DataViewRow row, DataViewSchema.Column column, Func<T, double> widen)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        var result = new double[1];
        return () =>
        {
            getter(ref value);
            result[0] = widen(value);
            return result;
        };
    }

    private static Func<double[]> VectorReader<T>(DataViewRow row, DataViewSchema.Column column, Func<T, double> widen)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        int size = ((VectorDataViewType)column.Type).Size;
        VBuffer<T> buffer = default;
        var dense = new T[size];
        var result = new double[size];
        return () =>
        {
            getter(ref buffer);
            if (buffer.Length != size)
                throw new InvalidOperationException($"Column '{column.Name}': expected {size} slots, but got {buffer.Length}.");
            buffer.CopyTo(dense);
            for (int i = 0; i < size; i++)
                result[i] = widen(dense[i]);
            return result;
        };
    }
}
