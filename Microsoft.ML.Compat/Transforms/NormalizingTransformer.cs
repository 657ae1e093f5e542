using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Applies learned per-slot normalizers to Single or Double columns (scalars or known-size vectors). Outputs keep
/// the input type and slot names and carry IsNormalized = true.
/// </summary>
public sealed class NormalizingTransformer : RowToRowTransformerBase, ILoadableModel<NormalizingTransformer>
{
    private const int Version = 1;

    internal NormalizingTransformer(InputOutputColumnPair[] columns, SlotNormalizer[] normalizers)
    {
        Columns = columns;
        Normalizers = normalizers;
    }

    internal InputOutputColumnPair[] Columns { get; }
    internal SlotNormalizer[] Normalizers { get; }

    /// <summary>The expected input type, in error messages.</summary>
    internal const string ExpectedType = "Single, Double, or a known-size vector of them";

    /// <summary>True for the column types a normalizer accepts.</summary>
    internal static bool CanNormalize(DataViewType type) =>
        type == NumberDataViewType.Single || type == NumberDataViewType.Double
        || type is VectorDataViewType { IsKnownSize: true } v && (v.ItemType == NumberDataViewType.Single || v.ItemType == NumberDataViewType.Double);

    internal static DataViewSchema.Column[] FindInputs(DataViewSchema schema, IEnumerable<InputOutputColumnPair> columns) =>
        columns.Select(pair =>
        {
            var column = ColumnChecks.FindColumn(schema, pair.InputColumnName);
            if (!CanNormalize(column.Type))
                throw ColumnChecks.Mismatch(pair.InputColumnName, ExpectedType, column.Type.ToString()!);
            return column;
        }).ToArray();

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(Version);
        ColumnPairsFormat.Write(ctx.Writer, Columns);
        foreach (var normalizer in Normalizers)
            normalizer.Save(ctx.Writer);
    }

    public static NormalizingTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        var columns = ColumnPairsFormat.Read(ctx.Reader);
        return new NormalizingTransformer(columns, columns.Select(_ => SlotNormalizer.Load(ctx.Reader)).ToArray());
    }

    private sealed class Mapper : RowColumnMapper
    {
        private readonly NormalizingTransformer _parent;
        private readonly DataViewSchema.Column[] _inputs;

        public Mapper(NormalizingTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _inputs = FindInputs(inputSchema, parent.Columns);
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
            _parent.Columns.Select((pair, i) =>
            {
                var builder = new DataViewSchema.Annotations.Builder();
                builder.Add(_inputs[i].Annotations, kind => kind == AnnotationUtils.Kinds.SlotNames);
                builder.AddPrimitiveValue(AnnotationUtils.Kinds.IsNormalized, BooleanDataViewType.Instance, true);
                return new DataViewSchema.DetachedColumn(pair.OutputColumnName, _inputs[i].Type, builder.ToAnnotations());
            }).ToArray();

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            _inputs.Where((_, i) => activeOutput(i));

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput)
        {
            var column = _inputs[outputIndex];
            var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
            string method = column.Type is VectorDataViewType ? nameof(VectorGetter) : nameof(ScalarGetter);
            return (Delegate)typeof(Mapper).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(itemType.RawType)
                .Invoke(null, new object[] { input, column, _parent.Normalizers[outputIndex] })!;
        }

        private static ValueGetter<T> ScalarGetter<T>(DataViewRow input, DataViewSchema.Column column, SlotNormalizer normalizer)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            var getter = input.GetGetter<T>(column);
            T value = T.Zero;
            return (ref T dst) =>
            {
                getter(ref value);
                dst = T.CreateChecked(normalizer.Apply(0, double.CreateChecked(value)));
            };
        }

        private static ValueGetter<VBuffer<T>> VectorGetter<T>(DataViewRow input, DataViewSchema.Column column, SlotNormalizer normalizer)
            where T : System.Numerics.IFloatingPointIeee754<T>
        {
            var getter = input.GetGetter<VBuffer<T>>(column);
            int size = ((VectorDataViewType)column.Type).Size;
            VBuffer<T> source = default;
            var dense = new T[size];
            return (ref VBuffer<T> dst) =>
            {
                getter(ref source);
                if (source.Length != size)
                    throw new InvalidOperationException($"Column '{column.Name}': expected {size} slots, but got {source.Length}.");
                source.CopyTo(dense);
                var editor = VBufferEditor.Create(ref dst, size);
                for (int i = 0; i < size; i++)
                    editor.Values[i] = T.CreateChecked(normalizer.Apply(i, double.CreateChecked(dense[i])));
                dst = editor.Commit();
            };
        }
    }
}
