using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Learns, for each column, a dictionary from values to keys 1..K (<c>mlContext.Transforms.Conversion.MapValueToKey</c>).
/// </summary>
public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    private readonly InputOutputColumnPair[] _columns;
    private readonly int _maximumNumberOfKeys;
    private readonly KeyOrdinality _keyOrdinality;
    private readonly bool _addKeyValueAnnotationsAsText;
    private readonly IDataView? _keyData;
    private readonly MLContext _context;

    /// <summary>How keys are assigned to values.</summary>
    public enum KeyOrdinality : byte
    {
        /// <summary>In the order values first occur in the data.</summary>
        ByOccurrence = 0,

        /// <summary>In ascending order of the values (text by character code).</summary>
        ByValue = 1,
    }

    /// <summary>ML.NET's defaults.</summary>
    public static class Defaults
    {
        public const int MaximumNumberOfKeys = 1000000;
        public const KeyOrdinality Ordinality = KeyOrdinality.ByOccurrence;
        public const bool AddKeyValueAnnotationsAsText = false;
    }

    internal ValueToKeyMappingEstimator(MLContext context, InputOutputColumnPair[] columns, int maximumNumberOfKeys, KeyOrdinality keyOrdinality,
        bool addKeyValueAnnotationsAsText, IDataView? keyData)
    {
        _context = context;
        _columns = InputOutputColumnPair.Check(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumNumberOfKeys);
        if (!Enum.IsDefined(keyOrdinality))
            throw new ArgumentOutOfRangeException(nameof(keyOrdinality), $"Unknown key ordinality {keyOrdinality}.");
        if (keyData is not null && keyData.Schema.Count(c => !c.IsHidden) != 1)
            throw new ArgumentException("keyData must be a data view with a single column holding the values to map.", nameof(keyData));
        _maximumNumberOfKeys = maximumNumberOfKeys;
        _keyOrdinality = keyOrdinality;
        _addKeyValueAnnotationsAsText = addKeyValueAnnotationsAsText;
        _keyData = keyData;
    }

    /// <summary>Checks the columns, then reads the data (or <c>keyData</c>) once per column to build the dictionaries.</summary>
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inputs = ValueToKeyMappingTransformer.FindInputs(input.Schema, _columns);
        var maps = inputs.Select(column =>
        {
            if (_keyData is null)
                return KeyMap.Train(input, column, _maximumNumberOfKeys, _keyOrdinality, _context);
            var keyColumn = _keyData.Schema.First(c => !c.IsHidden);
            var item = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
            var keyItem = keyColumn.Type is VectorDataViewType kv ? kv.ItemType : keyColumn.Type;
            if (!keyItem.Equals(item))
                throw ColumnChecks.Mismatch(keyColumn.Name, item.ToString()!, keyColumn.Type.ToString()!, "keyData");
            return KeyMap.Train(_keyData, keyColumn, _maximumNumberOfKeys, _keyOrdinality, _context);
        }).ToArray();
        return new ValueToKeyMappingTransformer(_columns, maps, _addKeyValueAnnotationsAsText);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToList();
        foreach (var pair in _columns)
        {
            var source = ColumnChecks.FindColumn(inputSchema, pair.InputColumnName);
            if (!KeyMap.CanMap(source.ItemType))
                throw ColumnChecks.Mismatch(pair.InputColumnName, "a text, boolean, numeric or key scalar or vector", source.GetTypeString());
            var annotations = new List<SchemaShape.Column>();
            if (source.Annotations.TryFindColumn(AnnotationUtils.Kinds.SlotNames, out var slotNames))
                annotations.Add(slotNames);
            annotations.Add(new SchemaShape.Column(AnnotationUtils.Kinds.KeyValues, SchemaShape.Column.VectorKind.Vector,
                _addKeyValueAnnotationsAsText ? TextDataViewType.Instance : source.ItemType, !_addKeyValueAnnotationsAsText && source.IsKey));
            result.Add(new SchemaShape.Column(pair.OutputColumnName, source.Kind, NumberDataViewType.UInt32, isKey: true, new SchemaShape(annotations)));
        }
        return new SchemaShape(result);
    }
}
