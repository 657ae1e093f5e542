namespace Microsoft.ML.Data;

/// <summary>
/// Multiclass scorer. Appends <c>Score</c> (Vector&lt;Single, K&gt; with SlotNames from the label's KeyValues,
/// ScoreColumnKind "MulticlassClassification", ScoreValueKind "Score", ScoreColumnSetId, TrainingLabelValues) and
/// <c>PredictedLabel</c> (Key&lt;UInt32, K&gt;: 1 + the index of the highest score, carrying the label's KeyValues so
/// MapKeyToValue restores the original label). A row whose scores are all NaN gets PredictedLabel 0 (missing).
/// </summary>
/// <example>
/// <code>
/// // In a trainer's MakeTransformer (any assembly):
/// return new MulticlassPredictionTransformer&lt;MyModel&gt;(model, trainSchema, "Features", "Label");
/// </code>
/// </example>
public sealed class MulticlassPredictionTransformer<TModel> : SingleFeaturePredictionTransformerBase<TModel>,
    ILoadableModel<MulticlassPredictionTransformer<TModel>>
    where TModel : class, IScoringModel
{
    private const int FormatVersion = 1;
    private readonly DataViewSchema.Annotations _labelKeyValues;

    /// <param name="model">The trained model; its <see cref="IScoringModel.ScoreCount"/> is the class count K.</param>
    /// <param name="trainSchema">The schema the model was trained on: gives the feature type and the label's KeyValues.</param>
    /// <param name="featureColumnName">The feature column read at scoring time.</param>
    /// <param name="labelColumnName">The training label (a key with K values), or null when there is none.</param>
    public MulticlassPredictionTransformer(TModel model, DataViewSchema trainSchema, string featureColumnName,
        string? labelColumnName, string scoreColumnName = DefaultColumnNames.Score,
        string predictedLabelColumnName = DefaultColumnNames.PredictedLabel)
        : this(model, featureColumnName, FeatureTypeIn(model, trainSchema, featureColumnName),
            LabelKeyValues(model, trainSchema, labelColumnName), labelColumnName, scoreColumnName, predictedLabelColumnName)
    {
    }

    private MulticlassPredictionTransformer(TModel model, string featureColumnName, DataViewType featureColumnType,
        DataViewSchema.Annotations labelKeyValues, string? labelColumnName, string scoreColumnName, string predictedLabelColumnName)
        : base(model, featureColumnName, featureColumnType)
    {
        ArgumentException.ThrowIfNullOrEmpty(scoreColumnName);
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        _labelKeyValues = labelKeyValues;
        LabelColumnName = labelColumnName;
        ScoreColumnName = scoreColumnName;
        PredictedLabelColumnName = predictedLabelColumnName;
    }

    public string? LabelColumnName { get; }
    public string ScoreColumnName { get; }
    public string PredictedLabelColumnName { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => Model.ScoreCount;

    private static DataViewSchema.Annotations LabelKeyValues(TModel model, DataViewSchema trainSchema, string? labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainSchema);
        if (labelColumnName is null)
            return DataViewSchema.Annotations.Empty;
        var label = ColumnChecks.FindColumn(trainSchema, labelColumnName, "label");
        if (label.Type is not KeyDataViewType key)
            throw ColumnChecks.Mismatch(labelColumnName, "Key<UInt32>", label.Type.ToString()!, "label");
        if (key.Count != (ulong)model.ScoreCount)
            throw new ArgumentException($"The label column '{labelColumnName}' has {key.Count} classes but the model scores {model.ScoreCount}.", nameof(model));
        if (!label.HasKeyValues())
            return DataViewSchema.Annotations.Empty;
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add(label.Annotations, kind => kind == AnnotationUtils.Kinds.KeyValues);
        return builder.ToAnnotations();
    }

    private protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        uint setId = ScoreAnnotations.NextSetId(inputSchema);
        bool hasKeyValues = _labelKeyValues.Schema.Count > 0;
        var scoreAnnotations = ScoreAnnotations.Create(AnnotationUtils.Const.ScoreColumnKind.MulticlassClassification,
            AnnotationUtils.Const.ScoreValueKind.Score, setId, builder =>
            {
                if (!hasKeyValues)
                    return;
                builder.AddVector(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, ClassCount),
                    ScoreAnnotations.SlotNamesFromKeyValues(_labelKeyValues));
                ScoreAnnotations.AddKeyValuesAs(builder, _labelKeyValues, AnnotationUtils.Kinds.TrainingLabelValues);
            });
        var predictedAnnotations = ScoreAnnotations.Create(AnnotationUtils.Const.ScoreColumnKind.MulticlassClassification,
            AnnotationUtils.Const.ScoreValueKind.PredictedLabel, setId, builder => builder.Add(_labelKeyValues, _ => true));
        return new[]
        {
            new DataViewSchema.DetachedColumn(ScoreColumnName, new VectorDataViewType(NumberDataViewType.Single, ClassCount), scoreAnnotations),
            new DataViewSchema.DetachedColumn(PredictedLabelColumnName, new KeyDataViewType(typeof(uint), ClassCount), predictedAnnotations),
        };
    }

    private protected override void FillOutputs(ColumnBatch batch, ReadOnlySpan<float> scores)
    {
        int k = ClassCount;
        if (batch.IsOutputActive(0))
        {
            var output = batch.GetOutput<VBuffer<float>>(0);
            for (int row = 0; row < batch.Count; row++)
            {
                var editor = VBufferEditor.Create(ref output[row], k);
                scores.Slice(row * k, k).CopyTo(editor.Values);
                output[row] = editor.Commit();
            }
        }
        if (batch.IsOutputActive(1))
        {
            var predicted = batch.GetOutput<uint>(1);
            for (int row = 0; row < batch.Count; row++)
                predicted[row] = ArgMaxKey(scores.Slice(row * k, k));
        }
    }

    /// <summary>1 + index of the largest score (first one on ties, NaN ignored); 0 when every score is NaN.</summary>
    internal static uint ArgMaxKey(ReadOnlySpan<float> scores)
    {
        int best = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!float.IsNaN(scores[i]) && (best < 0 || scores[i] > scores[best]))
                best = i;
        }
        return (uint)(best + 1);
    }

    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteVersion(FormatVersion);
        ctx.Writer.Write(LabelColumnName ?? "");
        ctx.Writer.Write(ScoreColumnName);
        ctx.Writer.Write(PredictedLabelColumnName);
        ctx.Writer.WriteAnnotations(_labelKeyValues);
        SaveCommon(ctx);
    }

    public static MulticlassPredictionTransformer<TModel> Load(ModelLoadContext ctx)
    {
        ctx.ReadVersion(FormatVersion);
        string label = ctx.Reader.ReadString();
        string score = ctx.Reader.ReadString();
        string predicted = ctx.Reader.ReadString();
        var keyValues = ctx.Reader.ReadAnnotations();
        var (featureName, featureType, model) = LoadCommon(ctx);
        return new MulticlassPredictionTransformer<TModel>(model, featureName, featureType, keyValues,
            label.Length == 0 ? null : label, score, predicted);
    }
}
