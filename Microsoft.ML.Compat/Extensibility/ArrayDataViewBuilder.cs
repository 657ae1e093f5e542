namespace Microsoft.ML.Data;

/// <summary>
/// Builds an in-memory <see cref="IDataView"/> from column arrays. The view can shuffle and splits into cursor sets.
/// Arrays are used as given (not copied); getters copy values out, so readers cannot change them.
/// </summary>
/// <example>
/// <code>
/// var builder = new ArrayDataViewBuilder();
/// builder.AddColumn("Features", NumberDataViewType.Single, new[] { new[] { 1f, 2f }, new[] { 3f, 4f } });
/// builder.AddKeyColumn("Label", new[] { "cat", "dog" }, 1u, 2u);
/// builder.AddColumn("Text", "a b", "c d");
/// IDataView view = builder.GetDataView();
/// </code>
/// </example>
public sealed class ArrayDataViewBuilder
{
    private readonly List<DataViewSchema.DetachedColumn> _columns = new();
    private readonly List<ArrayColumn> _stores = new();

    /// <summary>A scalar column of <paramref name="type"/>; <typeparamref name="T"/> must be its raw type
    /// (e.g. <c>float</c> for Single, <c>uint</c> for a Key&lt;UInt32&gt;).</summary>
    public ArrayDataViewBuilder AddColumn<T>(string name, PrimitiveDataViewType type, params T[] values) =>
        Add(name, type, new ScalarArrayColumn<T>(values), null);

    /// <summary>A scalar column with annotations.</summary>
    public ArrayDataViewBuilder AddColumn<T>(string name, PrimitiveDataViewType type, DataViewSchema.Annotations annotations, params T[] values) =>
        Add(name, type, new ScalarArrayColumn<T>(values), annotations);

    /// <summary>A text column.</summary>
    public ArrayDataViewBuilder AddColumn(string name, params string[] values) =>
        Add(name, TextDataViewType.Instance, new TextArrayColumn(values), null);

    /// <summary>A vector column, one array per row; fixed-size when all rows have the same positive length, else variable-size.</summary>
    public ArrayDataViewBuilder AddColumn<T>(string name, PrimitiveDataViewType itemType, params T[][] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int size = values.Length > 0 && values.All(v => v is not null && v.Length == values[0].Length) ? values[0].Length : 0;
        return Add(name, new VectorDataViewType(itemType, size), new JaggedVectorColumn<T>(values), null);
    }

    /// <summary>A fixed-size vector column stored row-major in one array of rowCount × <paramref name="vectorSize"/> items.</summary>
    public ArrayDataViewBuilder AddColumn<T>(string name, PrimitiveDataViewType itemType, int vectorSize, T[] rowMajorValues,
        DataViewSchema.Annotations? annotations = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vectorSize);
        ArgumentNullException.ThrowIfNull(rowMajorValues);
        if (rowMajorValues.Length % vectorSize != 0)
            throw new ArgumentException($"Column '{name}': {rowMajorValues.Length} values are not a whole number of rows of {vectorSize}.", nameof(rowMajorValues));
        return Add(name, new VectorDataViewType(itemType, vectorSize), new FlatVectorColumn<T>(rowMajorValues, vectorSize), annotations);
    }

    /// <summary>A vector column of <paramref name="type"/> from ready-made (possibly sparse) vectors.</summary>
    public ArrayDataViewBuilder AddColumn<T>(string name, VectorDataViewType type, params VBuffer<T>[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Length; i++)
        {
            if (type.IsKnownSize && values[i].Length != type.Size)
                throw new ArgumentException($"Column '{name}', row {i}: vector length {values[i].Length} differs from the type's size {type.Size}.", nameof(values));
        }
        return Add(name, type, new VBufferColumn<T>(values), null);
    }

    /// <summary>A Key&lt;UInt32, keyValues.Count&gt; column whose KeyValues annotation holds <paramref name="keyValues"/>
    /// (key k stands for keyValues[k-1]; 0 is missing).</summary>
    public ArrayDataViewBuilder AddKeyColumn(string name, IReadOnlyList<string> keyValues, params uint[] keys)
    {
        ArgumentNullException.ThrowIfNull(keyValues);
        ArgumentNullException.ThrowIfNull(keys);
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] > keyValues.Count)
                throw new ArgumentOutOfRangeException(nameof(keys), $"Column '{name}', row {i}: key {keys[i]} exceeds the {keyValues.Count} key values.");
        }
        var type = new KeyDataViewType(typeof(uint), keyValues.Count);
        return Add(name, type, new ScalarArrayColumn<uint>(keys), KeyValuesAnnotation(keyValues));
    }

    /// <summary>Annotations holding a text KeyValues vector.</summary>
    public static DataViewSchema.Annotations KeyValuesAnnotation(IReadOnlyList<string> keyValues)
    {
        var values = keyValues.Select(v => v.AsMemory()).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddVector(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, values.Length),
            new VBuffer<ReadOnlyMemory<char>>(values.Length, values));
        return builder.ToAnnotations();
    }

    /// <summary>The view. All columns must have the same number of rows.</summary>
    public IDataView GetDataView()
    {
        if (_stores.Count == 0)
            return new ArrayDataView(DataViewSchema.Create(Array.Empty<DataViewSchema.DetachedColumn>()), Array.Empty<ArrayColumn>(), 0);
        int rows = _stores[0].RowCount;
        for (int i = 1; i < _stores.Count; i++)
        {
            if (_stores[i].RowCount != rows)
                throw new InvalidOperationException(
                    $"Column '{_columns[i].Name}' has {_stores[i].RowCount} rows but column '{_columns[0].Name}' has {rows}.");
        }
        return new ArrayDataView(DataViewSchema.Create(_columns.ToArray()), _stores.ToArray(), rows);
    }

    private ArrayDataViewBuilder Add(string name, DataViewType type, ArrayColumn store, DataViewSchema.Annotations? annotations)
    {
        if (type.RawType != store.RawType)
            throw new ArgumentException($"Column '{name}' of type {type} needs values of {type.RawType.Name}, got {store.RawType.Name}.");
        _columns.Add(new DataViewSchema.DetachedColumn(name, type, annotations));
        _stores.Add(store);
        return this;
    }
}
