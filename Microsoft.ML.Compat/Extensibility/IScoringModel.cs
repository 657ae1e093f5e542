namespace Microsoft.ML.Data;

/// <summary>
/// A trained model that scores rows a batch at a time. The prediction transformers
/// (<see cref="MulticlassPredictionTransformer{TModel}"/>, <see cref="BinaryPredictionTransformer{TModel}"/>,
/// <see cref="RegressionPredictionTransformer{TModel}"/>) call it and turn the scores into ML.NET's output columns.
/// <see cref="Score"/> may run on several cursors at once (cursor sets), so scratch memory must not be shared
/// between calls. To be saved, an implementation also implements <see cref="ILoadableModel{TSelf}"/>.
/// For a fixed-size float feature vector, derive from <see cref="VectorScoringModelBase"/> instead.
/// </summary>
/// <example>
/// <code>
/// sealed class ConstantModel : IScoringModel
/// {
///     public int ScoreCount => 2;
///     public int BatchSize => 128;
///     public IReadOnlyList&lt;DataViewSchema.Column&gt; GetInputColumns(DataViewSchema schema, string featureColumnName) =>
///         new[] { ColumnChecks.FindColumn(schema, featureColumnName) };
///     public void Score(ColumnBatch batch, IReadOnlyList&lt;DataViewSchema.Column&gt; inputs, Span&lt;float&gt; scores) => scores.Fill(0.5f);
///     public void Save(ModelSaveContext ctx) => ctx.WriteVersion(1);
/// }
/// </code>
/// </example>
public interface IScoringModel : ICanSaveModel
{
    /// <summary>Scores per row: the number of classes for multiclass; 1 for regression; 1 (score) or 2 (score, probability) for binary.</summary>
    int ScoreCount { get; }

    /// <summary>The most rows scored per <see cref="Score"/> call while cursoring.</summary>
    int BatchSize { get; }

    /// <summary>Finds and validates the input columns the model reads (usually just <paramref name="featureColumnName"/>),
    /// throwing <see cref="ColumnChecks"/>-worded errors when one is missing or mistyped.</summary>
    IReadOnlyList<DataViewSchema.Column> GetInputColumns(DataViewSchema inputSchema, string featureColumnName);

    /// <summary>Scores <c>batch.Count</c> rows; <paramref name="scores"/> is row-major, <c>batch.Count × ScoreCount</c>.</summary>
    void Score(ColumnBatch batch, IReadOnlyList<DataViewSchema.Column> inputColumns, Span<float> scores);
}
