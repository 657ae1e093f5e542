namespace Microsoft.ML.Data;

/// <summary>Shared slot index of a batch: getters read the slot the cursor is on.</summary>
internal sealed class SlotPointer
{
    public int Slot;
}

/// <summary>Values of one column for the rows of a batch, optionally filled from a source row's getter.</summary>
internal abstract class ColumnBuffer
{
    /// <summary>Reads the source row's current value into <paramref name="slot"/>.</summary>
    public abstract void Fill(int slot);

    /// <summary>A buffer of <paramref name="capacity"/> values of <paramref name="type"/>, filled from <paramref name="source"/>'s
    /// <paramref name="column"/> when a source is given.</summary>
    public static ColumnBuffer Create(DataViewType type, int capacity, DataViewRow? source, DataViewSchema.Column column)
    {
        var bufferType = type is VectorDataViewType vector
            ? typeof(VectorColumnBuffer<>).MakeGenericType(vector.ItemType.RawType)
            : typeof(ColumnBuffer<>).MakeGenericType(type.RawType);
        return (ColumnBuffer)Activator.CreateInstance(bufferType, capacity, source, column)!;
    }
}

internal class ColumnBuffer<T> : ColumnBuffer
{
    private readonly ValueGetter<T>? _source;

    public ColumnBuffer(int capacity, DataViewRow? source, DataViewSchema.Column column)
    {
        Values = new T[capacity];
        _source = source?.GetGetter<T>(column);
    }

    public T[] Values { get; }

    public override void Fill(int slot) => _source!(ref Values[slot]);

    /// <summary>A getter yielding the value in the current slot; values are copied so callers cannot alter the buffer.</summary>
    public ValueGetter<T> Reader(SlotPointer pointer) => (ref T value) => CopyOut(Values[pointer.Slot], ref value);

    protected virtual void CopyOut(T source, ref T destination) => destination = source;
}

/// <summary>Vector values own arrays, so reading copies them into the caller's buffer.</summary>
internal sealed class VectorColumnBuffer<TItem> : ColumnBuffer<VBuffer<TItem>>
{
    public VectorColumnBuffer(int capacity, DataViewRow? source, DataViewSchema.Column column) : base(capacity, source, column) { }

    protected override void CopyOut(VBuffer<TItem> source, ref VBuffer<TItem> destination) => source.CopyTo(ref destination);
}
