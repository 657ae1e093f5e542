using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>Appends copies of columns under new names (with the same type and annotations).</summary>
public sealed class ColumnCopyingTransformer : RowToRowTransformerBase, ILoadableModel<ColumnCopyingTransformer>
{
    private const int Version = 1;

    internal ColumnCopyingTransformer(IReadOnlyList<InputOutputColumnPair> columns)
    {
        Columns = columns.ToArray();
    }

    internal InputOutputColumnPair[] Columns { get; }

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(Version);
        ColumnPairsFormat.Write(ctx.Writer, Columns);
    }

    public static ColumnCopyingTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        return new ColumnCopyingTransformer(ColumnPairsFormat.Read(ctx.Reader));
    }

    private sealed class Mapper : RowColumnMapper
    {
        private readonly DataViewSchema.Column[] _sources;
        private readonly ColumnCopyingTransformer _parent;

        public Mapper(ColumnCopyingTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _sources = parent.Columns.Select(c => ColumnChecks.FindColumn(inputSchema, c.InputColumnName)).ToArray();
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
            _parent.Columns.Select((c, i) => new DataViewSchema.DetachedColumn(c.OutputColumnName, _sources[i].Type, _sources[i].Annotations)).ToArray();

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            _sources.Where((_, i) => activeOutput(i));

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput) =>
            RawGetter.Of(input, _sources[outputIndex]);
    }
}
