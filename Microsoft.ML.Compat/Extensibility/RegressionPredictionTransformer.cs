namespace Microsoft.ML.Data;

/// <summary>Regression scorer: appends <c>Score</c> (Single), the model's single score per row.</summary>
/// <example>
/// <code>
/// return new RegressionPredictionTransformer&lt;MyModel&gt;(model, trainSchema, "Features");
/// </code>
/// </example>
public sealed class RegressionPredictionTransformer<TModel> : SingleFeaturePredictionTransformerBase<TModel>,
    ILoadableModel<RegressionPredictionTransformer<TModel>>
    where TModel : class, IScoringModel
{
    private const int FormatVersion = 1;

    public RegressionPredictionTransformer(TModel model, DataViewSchema trainSchema, string featureColumnName)
        : this(model, featureColumnName, FeatureTypeIn(model, trainSchema, featureColumnName))
    {
    }

    private RegressionPredictionTransformer(TModel model, string featureColumnName, DataViewType featureColumnType)
        : base(model, featureColumnName, featureColumnType)
    {
        if (model.ScoreCount != 1)
            throw new ArgumentException($"A regression model must give 1 score per row, got {model.ScoreCount}.", nameof(model));
    }

    private protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema) =>
        new[]
        {
            new DataViewSchema.DetachedColumn(DefaultColumnNames.Score, NumberDataViewType.Single,
                ScoreAnnotations.Create(AnnotationUtils.Const.ScoreColumnKind.Regression, AnnotationUtils.Const.ScoreValueKind.Score,
                    ScoreAnnotations.NextSetId(inputSchema))),
        };

    private protected override void FillOutputs(ColumnBatch batch, ReadOnlySpan<float> scores)
    {
        if (batch.IsOutputActive(0))
            scores.CopyTo(batch.GetOutput<float>(0));
    }

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        SaveCommon(ctx);
    }

    public static RegressionPredictionTransformer<TModel> Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        var (featureName, featureType, model) = LoadCommon(ctx);
        return new RegressionPredictionTransformer<TModel>(model, featureName, featureType);
    }
}
