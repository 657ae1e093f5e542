namespace Microsoft.ML.Data;

/// <summary>The type of a column in a <see cref="Microsoft.ML.IDataView"/>. <see cref="RawType"/> is the
/// .NET type a getter of the column produces.</summary>
public abstract class DataViewType : IEquatable<DataViewType>
{
    protected DataViewType(Type rawType)
    {
        ArgumentNullException.ThrowIfNull(rawType);
        RawType = rawType;
    }

    /// <summary>The .NET type of the values (e.g. <c>float</c>, <c>ReadOnlyMemory&lt;char&gt;</c>, <c>VBuffer&lt;float&gt;</c>).</summary>
    public Type RawType { get; }

    /// <summary>Scalar types are singletons, so the default is reference equality; key and vector types override it.</summary>
    public virtual bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => obj is DataViewType other && Equals(other);

    public override int GetHashCode() => RawType.GetHashCode();
}

/// <summary>A type whose values are single items (numbers, text, booleans, keys, ...).</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    protected PrimitiveDataViewType(Type rawType) : base(rawType)
    {
        if (typeof(IDisposable).IsAssignableFrom(rawType))
            throw new ArgumentException($"A primitive column type cannot be IDisposable, got {rawType.Name}.", nameof(rawType));
    }
}

/// <summary>A type made of several items, such as a vector.</summary>
public abstract class StructuredDataViewType : DataViewType
{
    protected StructuredDataViewType(Type rawType) : base(rawType) { }
}
