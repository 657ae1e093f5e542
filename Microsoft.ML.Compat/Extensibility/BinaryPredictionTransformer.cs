namespace Microsoft.ML.Data;

/// <summary>
/// Binary scorer. The model gives one score per row (raw score) or two (raw score, calibrated probability).
/// Appends <c>Score</c> (Single), <c>Probability</c> (Single, only for two-score models) and <c>PredictedLabel</c>
/// (Boolean: probability &gt; 0.5 when there is a probability, else score &gt; 0, unless another threshold is given).
/// </summary>
/// <example>
/// <code>
/// return new BinaryPredictionTransformer&lt;MyModel&gt;(model, trainSchema, "Features");
/// </code>
/// </example>
public sealed class BinaryPredictionTransformer<TModel> : SingleFeaturePredictionTransformerBase<TModel>,
    ILoadableModel<BinaryPredictionTransformer<TModel>>
    where TModel : class, IScoringModel
{
    private const int FormatVersion = 1;

    /// <param name="threshold">Decision threshold on the probability (two-score models) or on the score; defaults 0.5 and 0.</param>
    public BinaryPredictionTransformer(TModel model, DataViewSchema trainSchema, string featureColumnName, float? threshold = null)
        : this(model, featureColumnName, FeatureTypeIn(model, trainSchema, featureColumnName), threshold)
    {
    }

    private BinaryPredictionTransformer(TModel model, string featureColumnName, DataViewType featureColumnType, float? threshold)
        : base(model, featureColumnName, featureColumnType)
    {
        if (model.ScoreCount is not (1 or 2))
            throw new ArgumentException($"A binary model must give 1 score (or score and probability), got {model.ScoreCount}.", nameof(model));
        Threshold = threshold ?? (HasProbability ? 0.5f : 0f);
    }

    /// <summary>True when the model also gives a calibrated probability.</summary>
    public bool HasProbability => Model.ScoreCount == 2;

    /// <summary>PredictedLabel is true when the thresholded value (probability if present, else score) exceeds this.</summary>
    public float Threshold { get; }

    private protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        uint setId = ScoreAnnotations.NextSetId(inputSchema);
        const string kind = AnnotationUtils.Const.ScoreColumnKind.BinaryClassification;
        var columns = new List<DataViewSchema.DetachedColumn>
        {
            new(DefaultColumnNames.Score, NumberDataViewType.Single,
                ScoreAnnotations.Create(kind, AnnotationUtils.Const.ScoreValueKind.Score, setId)),
        };
        if (HasProbability)
        {
            columns.Add(new(DefaultColumnNames.Probability, NumberDataViewType.Single,
                ScoreAnnotations.Create(kind, AnnotationUtils.Const.ScoreValueKind.Probability, setId)));
        }
        columns.Add(new(DefaultColumnNames.PredictedLabel, BooleanDataViewType.Instance,
            ScoreAnnotations.Create(kind, AnnotationUtils.Const.ScoreValueKind.PredictedLabel, setId)));
        return columns.ToArray();
    }

    private protected override void FillOutputs(ColumnBatch batch, ReadOnlySpan<float> scores)
    {
        int stride = Model.ScoreCount;
        int predictedIndex = HasProbability ? 2 : 1;
        for (int output = 0; output < predictedIndex; output++)
        {
            if (!batch.IsOutputActive(output))
                continue;
            var values = batch.GetOutput<float>(output);
            for (int row = 0; row < batch.Count; row++)
                values[row] = scores[row * stride + output];
        }
        if (batch.IsOutputActive(predictedIndex))
        {
            var predicted = batch.GetOutput<bool>(predictedIndex);
            for (int row = 0; row < batch.Count; row++)
                predicted[row] = scores[row * stride + stride - 1] > Threshold;
        }
    }

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        ctx.Writer.Write(Threshold);
        SaveCommon(ctx);
    }

    public static BinaryPredictionTransformer<TModel> Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        float threshold = ctx.Reader.ReadSingle();
        var (featureName, featureType, model) = LoadCommon(ctx);
        return new BinaryPredictionTransformer<TModel>(model, featureName, featureType, threshold);
    }
}
