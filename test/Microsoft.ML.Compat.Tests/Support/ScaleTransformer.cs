using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.Support;

/// <summary>Test transformer: appends <c>Output = Factor × Input</c> for a Single input column, one row at a time.</summary>
public sealed class ScaleTransformer : RowToRowTransformerBase, ILoadableModel<ScaleTransformer>
{
    public ScaleTransformer(string outputColumn, string inputColumn, float factor)
    {
        OutputColumn = outputColumn;
        InputColumn = inputColumn;
        Factor = factor;
    }

    public string OutputColumn { get; }
    public string InputColumn { get; }
    public float Factor { get; }

    /// <summary>How many rows were computed (to prove laziness).</summary>
    public int RowsComputed;

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(1);
        ctx.Writer.Write(OutputColumn);
        ctx.Writer.Write(InputColumn);
        ctx.Writer.Write(Factor);
    }

    public static ScaleTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(newestSupported: 1);
        return new ScaleTransformer(ctx.Reader.ReadString(), ctx.Reader.ReadString(), ctx.Reader.ReadSingle());
    }

    private sealed class Mapper : RowColumnMapper
    {
        private readonly ScaleTransformer _parent;
        private readonly DataViewSchema.Column _input;

        public Mapper(ScaleTransformer parent, DataViewSchema inputSchema) : base(inputSchema)
        {
            _parent = parent;
            _input = ColumnChecks.FindColumn(inputSchema, parent.InputColumn, NumberDataViewType.Single);
        }

        protected override DataViewSchema.DetachedColumn[] GetOutputColumns() =>
            new[] { new DataViewSchema.DetachedColumn(_parent.OutputColumn, NumberDataViewType.Single) };

        public override IEnumerable<DataViewSchema.Column> GetDependencies(Func<int, bool> activeOutput) =>
            activeOutput(0) ? new[] { _input } : Array.Empty<DataViewSchema.Column>();

        protected override Delegate MakeGetter(DataViewRow input, int outputIndex, Func<int, bool> activeOutput)
        {
            var source = input.GetGetter<float>(_input);
            float value = 0;
            return (ValueGetter<float>)((ref float result) =>
            {
                source(ref value);
                Interlocked.Increment(ref _parent.RowsComputed);
                result = _parent.Factor * value;
            });
        }
    }
}

/// <summary>Test estimator: learns the factor that scales the input column's maximum to 1.</summary>
public sealed class ScaleToUnitEstimator : IEstimator<ScaleTransformer>
{
    private readonly string _output;
    private readonly string _input;

    public ScaleToUnitEstimator(string output, string input)
    {
        _output = output;
        _input = input;
    }

    public int FitCalls { get; private set; }

    public ScaleTransformer Fit(IDataView input)
    {
        FitCalls++;
        var max = input.GetColumn<float>(ColumnChecks.FindColumn(input.Schema, _input, NumberDataViewType.Single)).Max();
        return new ScaleTransformer(_output, _input, 1 / max);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ColumnChecks.FindCompatibleColumn(inputSchema, new SchemaShape.Column(_input, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false));
        return new SchemaShape(inputSchema.Where(c => c.Name != _output)
            .Append(new SchemaShape.Column(_output, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false)));
    }
}
