using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Maps values to keys with dictionaries learned by <see cref="ValueToKeyMappingEstimator"/>: each output column
/// is Key&lt;UInt32, K&gt; (or a vector of it) with a KeyValues annotation listing the values in key order;
/// values not seen in training, and missing values, map to the missing key 0.
/// </summary>
public sealed class ValueToKeyMappingTransformer : RowToRowTransformerBase, ILoadableModel<ValueToKeyMappingTransformer>
{
    private const int Version = 1;

    internal ValueToKeyMappingTransformer(InputOutputColumnPair[] columns, KeyMap[] maps, bool keyValuesAsText)
    {
        Columns = columns;
        Maps = maps;
        KeyValuesAsText = keyValuesAsText;
    }

    internal InputOutputColumnPair[] Columns { get; }
    internal KeyMap[] Maps { get; }
    internal bool KeyValuesAsText { get; }

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <summary>The input column of each pair, checked to hold (vectors of) values a key mapping accepts.</summary>
    internal static DataViewSchema.Column[] FindInputs(DataViewSchema schema, IEnumerable<InputOutputColumnPair> columns) =>
        columns.Select(pair =>
        {
            var column = ColumnChecks.FindColumn(schema, pair.InputColumnName);
            var item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
            if (!KeyMap.CanMap(item))
                throw ColumnChecks.Mismatch(pair.InputColumnName, "a text, boolean, numeric or key scalar or vector", column.Type.ToString()!);
            return column;
        }).ToArray();

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(Version);
        ctx.Writer.Write(KeyValuesAsText);
        ColumnPairsFormat.Write(ctx.Writer, Columns);
        foreach (var map in Maps)
            map.Save(ctx.Writer);
    }

    public static ValueToKeyMappingTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        bool asText = ctx.Reader.ReadBoolean();
        var columns = ColumnPairsFormat.Read(ctx.Reader);
        var maps = columns.Select(_ => KeyMap.Load(ctx.Reader)).ToArray();
        return new ValueToKeyMappingTransformer(columns, maps, asText);
    }

    private sealed class Mapper : RowColumnMapper
    {
        private readonly ValueToKeyMappingTransformer _parent;
        private readonly DataViewSchema.Column[] _inputs;

        public Mapper(ValueToKeyMappingTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _inputs = FindInputs(inputSchema, parent.Columns);
            for (int i = 0; i < _inputs.Length; i++)
            {
                var item = _inputs[i].Type is VectorDataViewType vector ? vector.ItemType : _inputs[i].Type;
                if (!item.Equals(parent.Maps[i].ItemType))
                    throw ColumnChecks.Mismatch(_inputs[i].Name, parent.Maps[i].ItemType.ToString()!, item.ToString()!);
            }
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
            _parent.Columns.Select((pair, i) =>
            {
                var map = _parent.Maps[i];
                var builder = new DataViewSchema.Annotations.Builder();
                builder.Add(_inputs[i].Annotations, kind => kind == AnnotationUtils.Kinds.SlotNames);
                map.AddKeyValues(builder, _parent.KeyValuesAsText);
                DataViewType type = _inputs[i].Type is VectorDataViewType vector
                    ? new VectorDataViewType(map.KeyType, vector.Size)
                    : map.KeyType;
                return new DataViewSchema.DetachedColumn(pair.OutputColumnName, type, builder.ToAnnotations());
            }).ToArray();

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            _inputs.Where((_, i) => activeOutput(i));

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput) =>
            _parent.Maps[outputIndex].MakeGetter(input, _inputs[outputIndex]);
    }
}
