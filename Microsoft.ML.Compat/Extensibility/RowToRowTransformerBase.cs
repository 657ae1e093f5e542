namespace Microsoft.ML.Data;

/// <summary>
/// Base for transformers that append columns computed from the same row's input columns. Derived classes validate
/// the input schema and build a mapper in <see cref="MakeMapper"/>; the base gives <see cref="GetOutputSchema"/>,
/// a lazy <see cref="Transform"/> (schema errors are raised immediately, rows are computed only while cursoring,
/// only for requested columns) and the row-to-row mapper the prediction engine uses.
/// </summary>
/// <example>
/// <code>
/// public sealed class DoublingTransformer : RowToRowTransformerBase, ILoadableModel&lt;DoublingTransformer&gt;
/// {
///     protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new DoubleMapper(inputSchema);
///     public override void Save(ModelSaveContext ctx) => ctx.WriteVersion(1);
///     public static DoublingTransformer Load(ModelLoadContext ctx) { ctx.ReadVersion(1); return new DoublingTransformer(); }
/// }
/// </code>
/// </example>
public abstract class RowToRowTransformerBase : ITransformer
{
    /// <summary>Validates <paramref name="inputSchema"/> (throwing with <see cref="ColumnChecks"/> wording) and returns the mapper for it.</summary>
    protected abstract ColumnMapperBase MakeMapper(DataViewSchema inputSchema);

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return MakeMapper(inputSchema).OutputSchema;
    }

    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, MakeMapper(input.Schema));
    }

    public bool IsRowToRowMapper => true;

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return new ColumnMapperRowToRowMapper(MakeMapper(inputSchema));
    }

    public abstract void Save(ModelSaveContext ctx);
}
