namespace Microsoft.ML.Data;

/// <summary>Where a member's values come from in a text file: one field, an inclusive range, or a list of fields.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class LoadColumnAttribute : Attribute
{
    public LoadColumnAttribute(int fieldIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldIndex);
        Sources = new[] { (fieldIndex, fieldIndex) };
    }

    public LoadColumnAttribute(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"End {end} is before start {start}.");
        Sources = new[] { (start, end) };
    }

    public LoadColumnAttribute(int[] columnIndexes)
    {
        ArgumentNullException.ThrowIfNull(columnIndexes);
        if (columnIndexes.Length == 0 || columnIndexes.Any(i => i < 0))
            throw new ArgumentException("Column indexes must be a non-empty list of non-negative numbers.", nameof(columnIndexes));
        Sources = columnIndexes.Select(i => (i, i)).ToArray();
    }

    /// <summary>Inclusive field ranges (Min, Max) in file order.</summary>
    public IReadOnlyList<(int Min, int Max)> Sources { get; }
}

/// <summary>The column name a member maps to (default: the member name).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class ColumnNameAttribute : Attribute
{
    public ColumnNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }
}

/// <summary>Declares an array member a fixed-size vector (size = product of the dimensions); without it arrays are variable-size.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class VectorTypeAttribute : Attribute
{
    public VectorTypeAttribute() => Dimensions = Array.Empty<int>();

    public VectorTypeAttribute(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Any(d => d <= 0))
            throw new ArgumentOutOfRangeException(nameof(dimensions), "Vector dimensions must be positive.");
        Dimensions = dimensions;
    }

    public int[] Dimensions { get; }

    /// <summary>Total size; 0 when no dimensions were given (variable size).</summary>
    public int Size => Dimensions.Length == 0 ? 0 : Dimensions.Aggregate(1, (a, b) => a * b);
}

/// <summary>Declares an unsigned-integer member a key with <see cref="Count"/> values (1..Count; 0 = missing).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class KeyTypeAttribute : Attribute
{
    public KeyTypeAttribute(ulong count)
    {
        if (count == 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Key count must be positive.");
        Count = count;
    }

    public ulong Count { get; }
}

/// <summary>Excludes a member from the columns.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class NoColumnAttribute : Attribute
{
}
