using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Reads key vector columns of any key raw type (byte, ushort, uint, ulong) as <see cref="ulong"/> values.</summary>
internal static class KeyReader
{
    /// <summary>A function returning the current dense vector of keys (the array is reused between rows).</summary>
    public static Func<ReadOnlySpan<ulong>> Vector(DataViewRow row, DataViewSchema.Column column) =>
        ((VectorDataViewType)column.Type).ItemType.RawType switch
        {
            var t when t == typeof(byte) => Vector<byte>(row, column, v => v),
            var t when t == typeof(ushort) => Vector<ushort>(row, column, v => v),
            var t when t == typeof(uint) => Vector<uint>(row, column, v => v),
            _ => Vector<ulong>(row, column, v => v),
        };

    private static Func<ReadOnlySpan<ulong>> Vector<T>(DataViewRow row, DataViewSchema.Column column, Func<T, ulong> widen)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        VBuffer<T> buffer = default;
        var widened = Array.Empty<ulong>();
        return () =>
        {
            getter(ref buffer);
            if (widened.Length < buffer.Length)
                widened = new ulong[buffer.Length];
            for (int i = 0; i < buffer.Length; i++)
                widened[i] = widen(buffer.GetItemOrDefault(i));
            return widened.AsSpan(0, buffer.Length);
        };
    }
}
