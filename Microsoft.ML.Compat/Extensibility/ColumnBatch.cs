namespace Microsoft.ML.Data;

/// <summary>
/// The rows handed to <see cref="BatchColumnMapper.MapBatch"/>: the values of the needed input columns for
/// <see cref="Count"/> consecutive rows, and the output slots to fill. Buffers are reused from batch to batch,
/// so vector outputs should be written with <see cref="VBufferEditor.Create{T}"/> on the existing slot.
/// </summary>
public sealed class ColumnBatch
{
    private readonly DataViewSchema _inputSchema;
    private readonly IReadOnlyList<DataViewSchema.DetachedColumn> _outputColumns;
    private readonly Dictionary<int, ColumnBuffer> _inputs = new();
    private readonly ColumnBuffer?[] _outputs;

    internal ColumnBatch(ColumnMapperBase mapper, DataViewRow source, IEnumerable<DataViewSchema.Column> inputs, Func<int, bool> activeOutput, int capacity)
    {
        _inputSchema = mapper.InputSchema;
        _outputColumns = mapper.OutputColumns;
        Capacity = capacity;
        foreach (var column in inputs)
            _inputs[column.Index] = ColumnBuffer.Create(column.Type, capacity, source, column);
        _outputs = new ColumnBuffer?[_outputColumns.Count];
        for (int i = 0; i < _outputs.Length; i++)
        {
            if (activeOutput(i))
                _outputs[i] = ColumnBuffer.Create(_outputColumns[i].Type, capacity, source: null, default);
        }
    }

    /// <summary>Number of rows in this batch (at most the mapper's batch size).</summary>
    public int Count { get; internal set; }

    /// <summary>The cursor position of the batch's first row (row k has position StartPosition + k).</summary>
    public long StartPosition { get; internal set; }

    internal int Capacity { get; }
    internal IEnumerable<ColumnBuffer> InputBuffers => _inputs.Values;
    internal bool AnyOutputActive => _outputs.Any(o => o is not null);

    /// <summary>The values of <paramref name="inputColumn"/> for the batch's rows.</summary>
    public ReadOnlySpan<T> GetInput<T>(DataViewSchema.Column inputColumn)
    {
        if (!_inputs.TryGetValue(inputColumn.Index, out var buffer) || _inputSchema[inputColumn.Index].Name != inputColumn.Name)
            throw new InvalidOperationException($"Input column '{inputColumn.Name}' was not read for this batch; list it in GetDependencies.");
        return Typed<T>(buffer, inputColumn.Name, inputColumn.Type).Values.AsSpan(0, Count);
    }

    /// <summary>True when output <paramref name="outputIndex"/> was requested and must be filled.</summary>
    public bool IsOutputActive(int outputIndex) => _outputs[outputIndex] is not null;

    /// <summary>The slots to fill for output <paramref name="outputIndex"/>; throws when that output is inactive.</summary>
    public Span<T> GetOutput<T>(int outputIndex)
    {
        var column = _outputColumns[outputIndex];
        var buffer = _outputs[outputIndex]
            ?? throw new InvalidOperationException($"Output column '{column.Name}' is not active; check IsOutputActive first.");
        return Typed<T>(buffer, column.Name, column.Type).Values.AsSpan(0, Count);
    }

    internal ColumnBuffer GetInputBuffer(int inputIndex) => _inputs[inputIndex];
    internal ColumnBuffer GetOutputBuffer(int outputIndex) => _outputs[outputIndex]!;

    private static ColumnBuffer<T> Typed<T>(ColumnBuffer buffer, string name, DataViewType type) =>
        buffer as ColumnBuffer<T>
        ?? throw new InvalidOperationException($"Column '{name}' has type {type} (raw {type.RawType.Name}), not {typeof(T).Name}.");
}
