namespace Microsoft.ML.Data;

/// <summary>
/// Stored copies of one column's values, indexed by slot, for views that must hold rows back (a shuffle pool)
/// or keep them (a cache). Vectors are deep-copied because cursors reuse their buffers from row to row; text
/// values are kept as given (ReadOnlyMemory over immutable strings).
/// </summary>
internal abstract class ColumnSlots
{
    /// <summary>Slots for <paramref name="column"/> of <paramref name="source"/>, filled from its getter.</summary>
    public static ColumnSlots Create(DataViewRow source, DataViewSchema.Column column)
    {
        var slotsType = column.Type is VectorDataViewType vector
            ? typeof(VectorColumnSlots<>).MakeGenericType(vector.ItemType.RawType)
            : typeof(ColumnSlots<>).MakeGenericType(column.Type.RawType);
        return (ColumnSlots)Activator.CreateInstance(slotsType, RawGetter.Of(source, column))!;
    }

    /// <summary>Copies the source's current value into <paramref name="slot"/>, growing the storage as needed.</summary>
    public abstract void Capture(int slot);

    public abstract void Swap(int first, int second);

    /// <summary>A <c>ValueGetter</c> of the column's raw type that reads the slot <paramref name="slot"/> returns.</summary>
    public abstract Delegate CreateGetter(Func<int> slot);
}

/// <summary>Slots of a scalar column (or of row ids).</summary>
internal class ColumnSlots<T> : ColumnSlots
{
    private readonly ValueGetter<T> _source;

    public ColumnSlots(ValueGetter<T> source)
    {
        _source = source;
    }

    protected T[] Values { get; private set; } = new T[16];

    public override void Capture(int slot)
    {
        EnsureSlot(slot);
        Read(_source, ref Values[slot]);
    }

    /// <summary>Reads the source's value into <paramref name="destination"/>.</summary>
    protected virtual void Read(ValueGetter<T> source, ref T destination) => source(ref destination);

    public override void Swap(int first, int second)
    {
        EnsureSlot(Math.Max(first, second));
        (Values[first], Values[second]) = (Values[second], Values[first]);
    }

    private void EnsureSlot(int slot)
    {
        if (slot < Values.Length)
            return;
        var grown = Values;
        Array.Resize(ref grown, Math.Max(slot + 1, Values.Length * 2));
        Values = grown;
    }

    public override Delegate CreateGetter(Func<int> slot) => (ValueGetter<T>)((ref T dst) => Copy(Values[slot()], ref dst));

    /// <summary>Hands a stored value to a reader.</summary>
    protected virtual void Copy(in T stored, ref T destination) => destination = stored;
}

/// <summary>Slots of a vector column: each slot owns its arrays, and readers get copies.</summary>
internal sealed class VectorColumnSlots<TItem> : ColumnSlots<VBuffer<TItem>>
{
    private VBuffer<TItem> _scratch;

    public VectorColumnSlots(ValueGetter<VBuffer<TItem>> source) : base(source) { }

    protected override void Read(ValueGetter<VBuffer<TItem>> source, ref VBuffer<TItem> destination)
    {
        source(ref _scratch);
        _scratch.CopyTo(ref destination);
    }

    protected override void Copy(in VBuffer<TItem> stored, ref VBuffer<TItem> destination) => stored.CopyTo(ref destination);
}
