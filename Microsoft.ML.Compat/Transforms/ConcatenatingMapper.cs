using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Computes the concatenated vector of a <see cref="ColumnConcatenatingTransformer"/> for one input schema.</summary>
internal sealed class ConcatenatingMapper : RowColumnMapper
{
    private readonly ColumnConcatenatingTransformer _parent;
    private readonly DataViewSchema.Column[] _sources;
    private readonly PrimitiveDataViewType _itemType;

    public ConcatenatingMapper(ColumnConcatenatingTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
    {
        _parent = parent;
        _sources = parent.InputColumnNames.Select(name => ColumnChecks.FindColumn(inputSchema, name)).ToArray();
        _itemType = ItemType(_sources[0]);
        foreach (var source in _sources)
        {
            if (!ItemType(source).Equals(_itemType))
                throw ColumnChecks.Mismatch(source.Name, $"{_itemType} or a vector of it (the item type of '{_sources[0].Name}')", source.Type.ToString()!);
        }
    }

    private bool IsIdentity => _sources.Length == 1 && _sources[0].Type is VectorDataViewType;

    private static PrimitiveDataViewType ItemType(DataViewSchema.Column column) => column.Type switch
    {
        VectorDataViewType vector => vector.ItemType,
        PrimitiveDataViewType primitive => primitive,
        _ => throw ColumnChecks.Mismatch(column.Name, "a primitive scalar or vector", column.Type.ToString()!),
    };

    private static int SlotCount(DataViewSchema.Column column) => column.Type is VectorDataViewType vector ? vector.Size : 1;

    protected override DataViewSchema.DetachedColumn[] GetOutputColumns()
    {
        if (IsIdentity)
            return new[] { new DataViewSchema.DetachedColumn(_parent.OutputColumnName, _sources[0].Type, _sources[0].Annotations) };
        bool knownSize = _sources.All(s => SlotCount(s) > 0);
        int size = knownSize ? _sources.Sum(SlotCount) : 0;
        var builder = new DataViewSchema.Annotations.Builder();
        if (knownSize)
        {
            var names = SlotNames(size);
            builder.Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, size),
                (ref VBuffer<ReadOnlyMemory<char>> dst) => names.CopyTo(ref dst));
        }
        if (_sources.All(s => s.IsNormalized()))
            builder.AddPrimitiveValue(AnnotationUtils.Kinds.IsNormalized, BooleanDataViewType.Instance, true);
        return new[] { new DataViewSchema.DetachedColumn(_parent.OutputColumnName, new VectorDataViewType(_itemType, size), builder.ToAnnotations()) };
    }

    private VBuffer<ReadOnlyMemory<char>> SlotNames(int size)
    {
        var names = new ReadOnlyMemory<char>[size];
        int slot = 0;
        foreach (var source in _sources)
        {
            int count = SlotCount(source);
            if (source.Type is not VectorDataViewType)
                names[slot] = source.Name.AsMemory();
            else if (source.HasSlotNames(count))
            {
                VBuffer<ReadOnlyMemory<char>> sourceNames = default;
                source.GetSlotNames(ref sourceNames);
                sourceNames.CopyTo(names.AsSpan(slot, count));
            }
            slot += count;
        }
        return new VBuffer<ReadOnlyMemory<char>>(size, names);
    }

    public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
        activeOutput(0) ? _sources : Enumerable.Empty<DataViewSchema.Column>();

    protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput) =>
        IsIdentity
            ? RawGetter.Of(input, _sources[0])
            : (Delegate)typeof(ConcatenatingMapper).GetMethod(nameof(MakeConcatenatingGetter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(_itemType.RawType).Invoke(this, new object[] { input })!;

    /// <summary>A dense concatenation of the sources' current values.</summary>
    private ValueGetter<VBuffer<T>> MakeConcatenatingGetter<T>(DataViewRow input)
    {
        var parts = _sources.Select(source => SourcePart<T>.Create(input, source)).ToArray();
        return (ref VBuffer<T> dst) =>
        {
            int length = 0;
            foreach (var part in parts)
                length = checked(length + part.Fetch());
            var editor = VBufferEditor.Create(ref dst, length);
            int offset = 0;
            foreach (var part in parts)
                offset += part.WriteTo(editor.Values[offset..]);
            dst = editor.Commit();
        };
    }

    /// <summary>One source of the concatenation: fetches the current value, then writes its slots.</summary>
    private sealed class SourcePart<T>
    {
        private readonly DataViewSchema.Column _column;
        private readonly ValueGetter<T>? _scalar;
        private readonly ValueGetter<VBuffer<T>>? _vector;
        private T _value = default!;
        private VBuffer<T> _buffer;

        private SourcePart(DataViewSchema.Column column, ValueGetter<T>? scalar, ValueGetter<VBuffer<T>>? vector)
        {
            _column = column;
            _scalar = scalar;
            _vector = vector;
        }

        public static SourcePart<T> Create(DataViewRow input, DataViewSchema.Column column) =>
            column.Type is VectorDataViewType
                ? new SourcePart<T>(column, null, input.GetGetter<VBuffer<T>>(column))
                : new SourcePart<T>(column, input.GetGetter<T>(column), null);

        /// <summary>Reads the current value; returns its number of slots.</summary>
        public int Fetch()
        {
            if (_scalar is not null)
            {
                _scalar(ref _value);
                return 1;
            }
            _vector!(ref _buffer);
            if (_column.Type is VectorDataViewType { IsKnownSize: true } type && _buffer.Length != type.Size)
                throw new InvalidOperationException($"Column '{_column.Name}': expected {type.Size} slots, but got {_buffer.Length}.");
            return _buffer.Length;
        }

        public int WriteTo(Span<T> destination)
        {
            if (_scalar is not null)
            {
                destination[0] = _value;
                return 1;
            }
            _buffer.CopyTo(destination);
            return _buffer.Length;
        }
    }
}
