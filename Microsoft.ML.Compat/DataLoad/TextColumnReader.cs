namespace Microsoft.ML.Data;

/// <summary>Reads one column's value from the fields of the current line and serves it through a typed getter.</summary>
internal abstract class TextColumnReader
{
    protected TextColumnReader(TextColumnLayout layout)
    {
        Layout = layout;
    }

    public TextColumnLayout Layout { get; }

    /// <summary>A <c>ValueGetter</c> of the column type's raw type, returning the last value read.</summary>
    public abstract Delegate Getter { get; }

    /// <summary>Parses this column's fields; throws a <see cref="FormatException"/> naming the file, line and column.</summary>
    public void Read(List<ReadOnlyMemory<char>> fields, TextLocation location)
    {
        if (fields.Count < Layout.RequiredFieldCount)
            throw location.Error(fields.Count,
                $"the line has {fields.Count} fields but column '{Layout.Name}' reads up to column {Layout.RequiredFieldCount - 1}");
        ReadCore(fields, location);
    }

    protected abstract void ReadCore(List<ReadOnlyMemory<char>> fields, TextLocation location);
}

/// <summary>Converts fields to <typeparamref name="T"/>: text is kept as a slice, keys and other kinds are parsed.</summary>
internal abstract class TextColumnReader<T> : TextColumnReader
{
    private delegate bool FieldConverter(ReadOnlyMemory<char> field, out T value);

    private readonly FieldConverter _convert;

    protected TextColumnReader(TextColumnLayout layout) : base(layout)
    {
        _convert = CreateConverter(layout.ItemType);
    }

    protected T Convert(ReadOnlyMemory<char> field, int column, TextLocation location)
    {
        if (!_convert(field, out var value))
            throw location.Error(column, $"'{field}' is not a valid {Layout.ItemType} value for column '{Layout.Name}'");
        return value;
    }

    private static FieldConverter CreateConverter(PrimitiveDataViewType itemType)
    {
        if (typeof(T) == typeof(ReadOnlyMemory<char>))
        {
            return (ReadOnlyMemory<char> field, out T value) =>
            {
                value = (T)(object)field;
                return true;
            };
        }
        var parser = itemType is KeyDataViewType key
            ? (TextValueParser<T>)typeof(TextValueParsers).GetMethod(nameof(TextValueParsers.Key))!
                .MakeGenericMethod(typeof(T)).Invoke(null, new object[] { key.Count })!
            : TextValueParsers.For<T>();
        return (ReadOnlyMemory<char> field, out T value) => parser(field.Span, out value);
    }
}

/// <summary>A column read from a single field.</summary>
internal sealed class ScalarTextColumnReader<T> : TextColumnReader<T>
{
    private readonly int _index;
    private T _value = default!;

    public ScalarTextColumnReader(TextColumnLayout layout) : base(layout)
    {
        _index = layout.Ranges[0].Min;
        Getter = (ValueGetter<T>)((ref T dst) => dst = _value);
    }

    public override Delegate Getter { get; }

    protected override void ReadCore(List<ReadOnlyMemory<char>> fields, TextLocation location) =>
        _value = Convert(fields[_index], _index, location);
}

/// <summary>A vector column read from one or more field ranges.</summary>
internal sealed class VectorTextColumnReader<T> : TextColumnReader<T>
{
    private T[] _values = Array.Empty<T>();
    private int _count;

    public VectorTextColumnReader(TextColumnLayout layout) : base(layout)
    {
        Getter = (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
        {
            var editor = VBufferEditor.Create(ref dst, _count);
            _values.AsSpan(0, _count).CopyTo(editor.Values);
            dst = editor.Commit();
        });
    }

    public override Delegate Getter { get; }

    protected override void ReadCore(List<ReadOnlyMemory<char>> fields, TextLocation location)
    {
        _count = 0;
        foreach (var range in Layout.Ranges)
        {
            int last = range.Max ?? fields.Count - 1;
            for (int i = range.Min; i <= last; i++)
            {
                if (_count == _values.Length)
                    Array.Resize(ref _values, Math.Max(8, _values.Length * 2));
                _values[_count++] = Convert(fields[i], i, location);
            }
        }
    }
}
