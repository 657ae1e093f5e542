using System.Collections.Immutable;

namespace Microsoft.ML.Data;

/// <summary>
/// A vector of primitive items; values are <see cref="VBuffer{T}"/>. <see cref="Size"/> 0 means variable length.
/// </summary>
public sealed class VectorDataViewType : StructuredDataViewType
{
    public VectorDataViewType(PrimitiveDataViewType itemType, int size = 0)
        : base(MakeRawType(itemType))
    {
        if (size < 0)
            throw new ArgumentOutOfRangeException(nameof(size), "Vector size must be non-negative (0 = variable length).");
        ItemType = itemType;
        Size = size;
        Dimensions = size == 0 ? ImmutableArray<int>.Empty : ImmutableArray.Create(size);
    }

    /// <summary>A multi-dimensional vector; <see cref="Size"/> is the product of the dimensions.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : base(MakeRawType(itemType))
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Any(d => d < 0))
            throw new ArgumentOutOfRangeException(nameof(dimensions), "Vector dimensions must be non-negative.");
        ItemType = itemType;
        // A single 0 dimension is the same type as the variable-size vector built by the other constructor.
        Dimensions = dimensions is [0] ? ImmutableArray<int>.Empty : dimensions.ToImmutableArray();
        Size = dimensions.Length == 0 || dimensions.Contains(0) ? 0 : checked(dimensions.Aggregate(1, (a, b) => a * b));
    }

    public PrimitiveDataViewType ItemType { get; }

    /// <summary>Total number of slots; 0 for a variable-length vector.</summary>
    public int Size { get; }

    public bool IsKnownSize => Size > 0;

    public ImmutableArray<int> Dimensions { get; }

    private static Type MakeRawType(PrimitiveDataViewType itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return typeof(VBuffer<>).MakeGenericType(itemType.RawType);
    }

    public override bool Equals(DataViewType? other) =>
        other is VectorDataViewType v && v.ItemType.Equals(ItemType) && v.Size == Size
        && v.Dimensions.SequenceEqual(Dimensions);

    public override int GetHashCode() => HashCode.Combine(ItemType, Size);

    public override string ToString() =>
        Dimensions.Length > 1 ? $"Vector<{ItemType}, {string.Join(", ", Dimensions)}>"
        : IsKnownSize ? $"Vector<{ItemType}, {Size}>"
        : $"Vector<{ItemType}>";
}
