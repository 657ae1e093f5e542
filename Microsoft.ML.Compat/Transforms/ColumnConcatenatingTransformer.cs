using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Concatenates scalar and vector columns of one item type into a vector column. The output has slot names when
/// its size is known: a scalar source contributes its column name, a vector source its own slot names (empty when
/// it has none). A single vector source is passed through unchanged, with its annotations.
/// </summary>
public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase, ILoadableModel<ColumnConcatenatingTransformer>
{
    private const int Version = 1;

    internal ColumnConcatenatingTransformer(string outputColumnName, string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentNullException.ThrowIfNull(inputColumnNames);
        if (inputColumnNames.Length == 0)
            throw new ArgumentException("Concatenate needs at least one input column.", nameof(inputColumnNames));
        OutputColumnName = outputColumnName;
        InputColumnNames = inputColumnNames;
    }

    internal string OutputColumnName { get; }
    internal string[] InputColumnNames { get; }

    protected override ColumnMapperBase MakeMapper(DataViewSchema inputSchema) => new ConcatenatingMapper(this, inputSchema);

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(Version);
        ctx.Writer.Write(OutputColumnName);
        ctx.Writer.WriteStringArray(InputColumnNames);
    }

    public static ColumnConcatenatingTransformer Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(Version);
        string output = ctx.Reader.ReadString();
        return new ColumnConcatenatingTransformer(output, ctx.Reader.ReadStringArray());
    }
}
