namespace Microsoft.ML.Data;

/// <summary>
/// A vector value of logical length <see cref="Length"/>, stored densely (all values) or sparsely
/// (explicit values plus their ascending indices; absent slots are <c>default(T)</c>).
/// The arrays may be longer than needed, which lets getters reuse them from row to row.
/// </summary>
public readonly struct VBuffer<T>
{
    private readonly T[]? _values;
    private readonly int[]? _indices;
    private readonly int _count;

    /// <summary>The logical length of the vector.</summary>
    public readonly int Length;

    /// <summary>A dense vector of the first <paramref name="length"/> entries of <paramref name="values"/>.</summary>
    public VBuffer(int length, T[] values, int[]? indices = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > 0 && (values is null || values.Length < length))
            throw new ArgumentException($"A dense VBuffer of length {length} needs at least {length} values, got {values?.Length ?? 0}.", nameof(values));
        Length = length;
        _count = length;
        _values = values;
        _indices = indices;
    }

    /// <summary>A vector with <paramref name="count"/> explicit values; sparse when count &lt; length,
    /// in which case <paramref name="indices"/> holds their strictly increasing positions.</summary>
    public VBuffer(int length, int count, T[] values, int[]? indices)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (count < 0 || count > length)
            throw new ArgumentOutOfRangeException(nameof(count), $"Count {count} must be between 0 and the length {length}.");
        if (count > 0 && (values is null || values.Length < count))
            throw new ArgumentException($"VBuffer needs at least {count} values, got {values?.Length ?? 0}.", nameof(values));
        if (count < length && count > 0)
        {
            if (indices is null || indices.Length < count)
                throw new ArgumentException($"A sparse VBuffer with {count} values needs at least {count} indices, got {indices?.Length ?? 0}.", nameof(indices));
            for (int i = 0; i < count; i++)
            {
                if (indices[i] < 0 || indices[i] >= length || (i > 0 && indices[i] <= indices[i - 1]))
                    throw new ArgumentException($"Sparse indices must be strictly increasing and in [0, {length}); index {i} is {indices[i]}.", nameof(indices));
            }
        }
        Length = length;
        _count = count;
        _values = values;
        _indices = indices;
    }

    /// <summary>True when every slot is stored explicitly.</summary>
    public bool IsDense => _count == Length;

    /// <summary>The explicitly stored values (all of them when dense).</summary>
    public ReadOnlySpan<T> GetValues() => _values.AsSpan(0, _count);

    /// <summary>Positions of the stored values; empty when dense.</summary>
    public ReadOnlySpan<int> GetIndices() => IsDense ? ReadOnlySpan<int>.Empty : _indices.AsSpan(0, _count);

    internal T[]? RawValues => _values;
    internal int[]? RawIndices => _indices;

    /// <summary>Copies this vector into <paramref name="destination"/>, reusing its arrays when they are large enough.</summary>
    public void CopyTo(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length, _count);
        GetValues().CopyTo(editor.Values);
        if (!IsDense)
            GetIndices().CopyTo(editor.Indices);
        destination = editor.Commit();
    }

    /// <summary>Copies this vector into <paramref name="destination"/> as a dense vector.</summary>
    public void CopyToDense(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length);
        CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>Writes all <see cref="Length"/> slots (zeros/defaults for sparse gaps) into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"Destination has {destination.Length} slots, the vector needs {Length}.", nameof(destination));
        if (IsDense)
        {
            GetValues().CopyTo(destination);
            return;
        }
        destination[..Length].Clear();
        var values = GetValues();
        var indices = GetIndices();
        for (int i = 0; i < values.Length; i++)
            destination[indices[i]] = values[i];
    }

    /// <summary>All <see cref="Length"/> values in order, with defaults for sparse gaps.</summary>
    public IEnumerable<T> DenseValues()
    {
        for (int i = 0; i < Length; i++)
            yield return GetItemOrDefault(i);
    }

    /// <summary>(index, value) pairs: only the stored ones, or every slot when <paramref name="all"/> is true.</summary>
    public IEnumerable<KeyValuePair<int, T>> Items(bool all = false)
    {
        if (all || IsDense)
        {
            for (int i = 0; i < Length; i++)
                yield return new KeyValuePair<int, T>(i, GetItemOrDefault(i));
            yield break;
        }
        for (int i = 0; i < _count; i++)
            yield return new KeyValuePair<int, T>(_indices![i], _values![i]);
    }

    /// <summary>The value at slot <paramref name="index"/>, or <c>default(T)</c> when a sparse vector does not store it.</summary>
    public T GetItemOrDefault(int index)
    {
        if ((uint)index >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside the vector of length {Length}.");
        if (IsDense)
            return _values![index];
        int pos = _count == 0 ? -1 : Array.BinarySearch(_indices!, 0, _count, index);
        return pos >= 0 ? _values![pos] : default!;
    }

    /// <summary>Writes the value at <paramref name="index"/> into <paramref name="destination"/>.</summary>
    public void GetItemOrDefault(int index, ref T destination) => destination = GetItemOrDefault(index);

    public override string ToString() =>
        IsDense ? $"Dense[{Length}]" : $"Sparse[{Length}, {_count} stored]";
}
