using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Tokenizers;

/// <summary>Estimator for <see cref="WordPieceTokenizingTransformer"/> (nothing to learn: the vocabulary is given).</summary>
public sealed class WordPieceTokenizingEstimator : TrivialEstimator<WordPieceTokenizingTransformer>
{
    internal WordPieceTokenizingEstimator(BertTokenizer tokenizer, WordPieceColumns columns)
        : base(new WordPieceTokenizingTransformer(tokenizer, columns)) { }

    public override SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = Transformer.Columns;
        CheckText(inputSchema, columns.Sentence1);
        if (columns.Sentence2 is { } second) CheckText(inputSchema, second);
        var result = inputSchema.Where(c => !columns.OutputNames.Contains(c.Name)).ToList();
        foreach (string name in columns.OutputNames)
            result.Add(new SchemaShape.Column(name, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Int32, isKey: false));
        return new SchemaShape(result);
    }

    private static void CheckText(SchemaShape schema, string name)
    {
        var column = ColumnChecks.FindColumn(schema, name);
        if (column.Kind != SchemaShape.Column.VectorKind.Scalar || column.ItemType is not TextDataViewType)
            throw ColumnChecks.Mismatch(name, "String", column.GetTypeString());
    }
}
