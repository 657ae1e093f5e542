using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Maps keys back to the values in their column's KeyValues annotation (read from the input schema each time,
/// so it works on any key column, e.g. a trainer's PredictedLabel). Key 0 (missing) and keys beyond the
/// annotation give the missing value: NaN for floating-point values, the default (empty text, 0, false) otherwise.
/// </summary>
public sealed class KeyToValueMappingTransformer : RowToRowTransformerBase, ILoadableModel<KeyToValueMappingTransformer>
{
    private const int Version = 1;

    internal KeyToValueMappingTransformer(InputOutputColumnPair[] columns)
    {
        Columns = InputOutputColumnPair.Check(columns);
    }

    internal InputOutputColumnPair[] Columns { get; }

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    /// <summary>The wording of the error for a column that is not a key with KeyValues.</summary>
    internal const string ExpectedType = "a key type with a KeyValues annotation";

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(Version);
        ColumnPairsFormat.Write(ctx.Writer, Columns);
    }

    public static KeyToValueMappingTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        return new KeyToValueMappingTransformer(ColumnPairsFormat.Read(ctx.Reader));
    }

    private sealed class Mapper : RowColumnMapper
    {
        private readonly KeyToValueMappingTransformer _parent;
        private readonly DataViewSchema.Column[] _inputs;
        private readonly VectorDataViewType[] _keyValueTypes;

        public Mapper(KeyToValueMappingTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _inputs = parent.Columns.Select(pair => ColumnChecks.FindColumn(inputSchema, pair.InputColumnName)).ToArray();
            _keyValueTypes = _inputs.Select(KeyValuesType).ToArray();
        }

        private static VectorDataViewType KeyValuesType(DataViewSchema.Column column)
        {
            var item = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
            if (item is not KeyDataViewType || column.Annotations.Schema.GetColumnOrNull(AnnotationUtils.Kinds.KeyValues) is not { Type: VectorDataViewType keyValues })
                throw ColumnChecks.Mismatch(column.Name, ExpectedType, column.Type.ToString()!);
            return keyValues;
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
            _parent.Columns.Select((pair, i) =>
            {
                var valueType = _keyValueTypes[i].ItemType;
                DataViewType type = _inputs[i].Type is VectorDataViewType vector ? new VectorDataViewType(valueType, vector.Size) : valueType;
                var builder = new DataViewSchema.Annotations.Builder();
                builder.Add(_inputs[i].Annotations, kind => kind == AnnotationUtils.Kinds.SlotNames);
                return new DataViewSchema.DetachedColumn(pair.OutputColumnName, type, builder.ToAnnotations());
            }).ToArray();

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            _inputs.Where((_, i) => activeOutput(i));

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput) =>
            (Delegate)typeof(Mapper).GetMethod(nameof(MakeTypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(_keyValueTypes[outputIndex].ItemType.RawType)
                .Invoke(null, new object[] { input, _inputs[outputIndex] })!;

        private static Delegate MakeTypedGetter<T>(DataViewRow input, DataViewSchema.Column column)
        {
            VBuffer<T> annotation = default;
            column.GetKeyValues(ref annotation);
            var values = annotation.DenseValues().ToArray();
            T missing = typeof(T) == typeof(float) ? (T)(object)float.NaN
                : typeof(T) == typeof(double) ? (T)(object)double.NaN
                : default!;
            T Lookup(ulong key) => key >= 1 && key <= (ulong)values.Length ? values[key - 1] : missing;

            if (column.Type is VectorDataViewType)
            {
                var keys = KeyReader.Vector(input, column);
                return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
                {
                    var current = keys();
                    var editor = VBufferEditor.Create(ref dst, current.Length);
                    for (int i = 0; i < current.Length; i++)
                        editor.Values[i] = Lookup(current[i]);
                    dst = editor.Commit();
                });
            }
            var key = NumericGetters.AsDouble(input, column);
            return (ValueGetter<T>)((ref T dst) => dst = Lookup((ulong)key()));
        }
    }
}
