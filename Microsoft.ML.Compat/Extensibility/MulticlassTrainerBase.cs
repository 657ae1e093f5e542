using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Trainers;

/// <summary>
/// Base for multiclass trainers: the label must be a Key&lt;UInt32&gt; column (so pipelines start with
/// MapValueToKey), and the result is a <see cref="MulticlassPredictionTransformer{TModel}"/> producing Score and
/// PredictedLabel. The feature shape is the derived trainer's choice (a float vector, or text for text models).
/// </summary>
public abstract class MulticlassTrainerBase<TModel> : TrainerEstimatorBase<MulticlassPredictionTransformer<TModel>, TModel>
    where TModel : class, IScoringModel
{
    protected MulticlassTrainerBase(IHost host, SchemaShape.Column feature, string labelColumnName, SchemaShape.Column weight = default)
        : base(host, feature, TrainerShapes.KeyLabel(labelColumnName), weight)
    {
    }

    protected override SchemaShape.Column[] GetOutputColumnsCore(SchemaShape inputSchema)
    {
        var label = ColumnChecks.FindColumn(inputSchema, LabelColumn.Name, "label");
        bool hasKeyValues = label.Annotations.TryFindColumn(AnnotationUtils.Kinds.KeyValues, out var keyValues);
        var scoreKinds = new List<SchemaShape.Column>
        {
            new(AnnotationUtils.Kinds.ScoreColumnKind, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, false),
            new(AnnotationUtils.Kinds.ScoreValueKind, SchemaShape.Column.VectorKind.Scalar, TextDataViewType.Instance, false),
            new(AnnotationUtils.Kinds.ScoreColumnSetId, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, true),
        };
        var scoreAnnotations = new List<SchemaShape.Column>(scoreKinds);
        var predictedAnnotations = new List<SchemaShape.Column>(scoreKinds);
        if (hasKeyValues)
        {
            scoreAnnotations.Add(new(AnnotationUtils.Kinds.SlotNames, SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false));
            predictedAnnotations.Add(keyValues);
        }
        return new[]
        {
            new SchemaShape.Column(DefaultColumnNames.Score, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false,
                new SchemaShape(scoreAnnotations)),
            new SchemaShape.Column(DefaultColumnNames.PredictedLabel, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.UInt32, true,
                new SchemaShape(predictedAnnotations)),
        };
    }

    protected override MulticlassPredictionTransformer<TModel> MakeTransformer(TModel model, DataViewSchema trainSchema) =>
        new(model, trainSchema, FeatureColumn.Name, LabelColumn.Name);
}
