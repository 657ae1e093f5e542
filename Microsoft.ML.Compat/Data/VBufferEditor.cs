namespace Microsoft.ML.Data;

/// <summary>Factory for <see cref="VBufferEditor{T}"/>: write a vector in place, reusing the destination's arrays.</summary>
public static class VBufferEditor
{
    /// <summary>
    /// Opens <paramref name="destination"/> for writing a vector of <paramref name="newLogicalLength"/> slots holding
    /// <paramref name="valuesCount"/> explicit values (default: dense). Arrays are reused when large enough.
    /// </summary>
    public static VBufferEditor<T> Create<T>(ref VBuffer<T> destination, int newLogicalLength, int? valuesCount = null,
        bool keepOldOnResize = false, bool requireIndicesOnDense = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newLogicalLength);
        int count = valuesCount ?? newLogicalLength;
        if (count < 0 || count > newLogicalLength)
            throw new ArgumentOutOfRangeException(nameof(valuesCount), $"Values count {count} must be between 0 and the length {newLogicalLength}.");

        T[]? values = destination.RawValues;
        bool newValues = false;
        if (values is null || values.Length < count)
        {
            var grown = new T[count];
            if (keepOldOnResize && values is not null)
                values.AsSpan().CopyTo(grown);
            values = grown;
            newValues = true;
        }

        int[]? indices = destination.RawIndices;
        bool newIndices = false;
        bool needIndices = count < newLogicalLength || requireIndicesOnDense;
        if (needIndices && (indices is null || indices.Length < count))
        {
            var grown = new int[count];
            if (keepOldOnResize && indices is not null)
                indices.AsSpan().CopyTo(grown);
            indices = grown;
            newIndices = true;
        }
        return new VBufferEditor<T>(newLogicalLength, count, values, indices, newValues, newIndices);
    }

    /// <summary>Opens an existing vector for editing its values in place (same length and sparsity).</summary>
    public static VBufferEditor<T> CreateFromBuffer<T>(ref VBuffer<T> destination) =>
        new(destination.Length, destination.GetValues().Length, destination.RawValues ?? Array.Empty<T>(),
            destination.RawIndices, createdNewValues: false, createdNewIndices: false);
}

/// <summary>Writable view over a vector's arrays. Fill <see cref="Values"/> (and <see cref="Indices"/> when sparse), then <see cref="Commit"/>.</summary>
public readonly ref struct VBufferEditor<T>
{
    private readonly int _logicalLength;
    private readonly T[] _values;
    private readonly int[]? _indices;

    internal VBufferEditor(int logicalLength, int count, T[] values, int[]? indices, bool createdNewValues, bool createdNewIndices)
    {
        _logicalLength = logicalLength;
        _values = values;
        _indices = indices;
        Values = values.AsSpan(0, count);
        Indices = indices is null ? Span<int>.Empty : indices.AsSpan(0, count);
        CreatedNewValues = createdNewValues;
        CreatedNewIndices = createdNewIndices;
    }

    /// <summary>The explicit values to fill.</summary>
    public Span<T> Values { get; }

    /// <summary>The indices to fill when the vector is sparse (ascending).</summary>
    public Span<int> Indices { get; }

    public bool CreatedNewValues { get; }
    public bool CreatedNewIndices { get; }

    /// <summary>Produces the vector, reusing the edited arrays.</summary>
    public VBuffer<T> Commit() => new(_logicalLength, Values.Length, _values, _indices);

    /// <summary>Produces the vector keeping only the first <paramref name="maxValuesCount"/> explicit values.</summary>
    public VBuffer<T> CommitTruncated(int maxValuesCount)
    {
        if (maxValuesCount < 0 || maxValuesCount > Values.Length)
            throw new ArgumentOutOfRangeException(nameof(maxValuesCount));
        return new VBuffer<T>(_logicalLength, maxValuesCount, _values, _indices);
    }
}
