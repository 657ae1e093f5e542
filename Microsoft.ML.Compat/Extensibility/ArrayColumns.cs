namespace Microsoft.ML.Data;

/// <summary>Storage of one column of an <see cref="ArrayDataView"/>; getters read the row the cursor points at.</summary>
internal abstract class ArrayColumn
{
    public abstract int RowCount { get; }
    public abstract Type RawType { get; }

    /// <summary>A <c>ValueGetter</c> reading row <c>cursor.Row</c>.</summary>
    public abstract Delegate CreateGetter(ArrayDataView.Cursor cursor);
}

internal sealed class ScalarArrayColumn<T> : ArrayColumn
{
    private readonly T[] _values;

    public ScalarArrayColumn(T[] values) => _values = values ?? throw new ArgumentNullException(nameof(values));

    public override int RowCount => _values.Length;
    public override Type RawType => typeof(T);

    public override Delegate CreateGetter(ArrayDataView.Cursor cursor) =>
        (ValueGetter<T>)((ref T value) => value = _values[cursor.Row]);
}

internal sealed class TextArrayColumn : ArrayColumn
{
    private readonly string[] _values;

    public TextArrayColumn(string[] values) => _values = values ?? throw new ArgumentNullException(nameof(values));

    public override int RowCount => _values.Length;
    public override Type RawType => typeof(ReadOnlyMemory<char>);

    public override Delegate CreateGetter(ArrayDataView.Cursor cursor) =>
        (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = _values[cursor.Row].AsMemory());
}

internal sealed class JaggedVectorColumn<T> : ArrayColumn
{
    private readonly T[][] _values;

    public JaggedVectorColumn(T[][] values) => _values = values;

    public override int RowCount => _values.Length;
    public override Type RawType => typeof(VBuffer<T>);

    public override Delegate CreateGetter(ArrayDataView.Cursor cursor) =>
        (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            var row = _values[cursor.Row];
            var editor = VBufferEditor.Create(ref value, row.Length);
            row.CopyTo(editor.Values);
            value = editor.Commit();
        });
}

internal sealed class FlatVectorColumn<T> : ArrayColumn
{
    private readonly T[] _values;
    private readonly int _size;

    public FlatVectorColumn(T[] values, int size)
    {
        _values = values;
        _size = size;
    }

    public override int RowCount => _values.Length / _size;
    public override Type RawType => typeof(VBuffer<T>);

    public override Delegate CreateGetter(ArrayDataView.Cursor cursor) =>
        (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            var editor = VBufferEditor.Create(ref value, _size);
            _values.AsSpan(cursor.Row * _size, _size).CopyTo(editor.Values);
            value = editor.Commit();
        });
}

internal sealed class VBufferColumn<T> : ArrayColumn
{
    private readonly VBuffer<T>[] _values;

    public VBufferColumn(VBuffer<T>[] values) => _values = values;

    public override int RowCount => _values.Length;
    public override Type RawType => typeof(VBuffer<T>);

    public override Delegate CreateGetter(ArrayDataView.Cursor cursor) =>
        (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => _values[cursor.Row].CopyTo(ref value));
}
