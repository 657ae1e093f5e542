using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.BpSom;

/// <summary>The BP-SOM BERT text classifier on the binary catalog: <c>ml.BinaryClassification.Trainers.BpSomTextClassification(options)</c>.
/// The label is a Boolean; appends Score (log-odds), Probability, PredictedLabel (Boolean), SomCell and SomReliability.
/// Options and training are those of <see cref="BpSomTextClassificationTrainer"/>.</summary>
public sealed class BpSomBinaryTextClassificationTrainer
    : TrainerEstimatorBase<BinaryPredictionTransformer<BpSomTextModelParameters>, BpSomTextModelParameters>
{
    private readonly BpSomTextFit _fit;

    internal BpSomBinaryTextClassificationTrainer(MLContext context, BpSomTextClassificationTrainer.Options options)
        : base(context.Register(nameof(BpSomBinaryTextClassificationTrainer), BpSomTextClassificationTrainer.Validated(options).Seed),
            TrainerShapes.Text(options.SentenceColumnName), TrainerShapes.BooleanLabel(options.LabelColumnName))
    {
        _fit = new BpSomTextFit(options, isBinary: true);
    }

    public override TrainerInfo Info { get; } = new(normalization: false, caching: false, supportValid: true);

    /// <summary>Trains with a validation set and progress, as <see cref="BpSomTextClassificationTrainer.Fit(IDataView, IDataView?, IProgress{TextTrainingProgress}?, CancellationToken)"/>.</summary>
    public BinaryPredictionTransformer<BpSomTextModelParameters> Fit(IDataView trainData, IDataView? validationData,
        IProgress<TextTrainingProgress>? progress = null, CancellationToken cancellation = default) =>
        _fit.Run(progress, cancellation, () => TrainTransformer(trainData, validationData));

    protected override BpSomTextModelParameters TrainModelCore(TrainContext context) => _fit.Train(Host, context);

    protected override SchemaShape.Column[] GetOutputColumnsCore(SchemaShape inputSchema) =>
    [
        new(DefaultColumnNames.Score, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false),
        new(DefaultColumnNames.Probability, SchemaShape.Column.VectorKind.Scalar, NumberDataViewType.Single, false),
        new(DefaultColumnNames.PredictedLabel, SchemaShape.Column.VectorKind.Scalar, BooleanDataViewType.Instance, false),
        .. BpSomTextTraining.SomOutputShapes,
    ];

    protected override BinaryPredictionTransformer<BpSomTextModelParameters> MakeTransformer(BpSomTextModelParameters model, DataViewSchema trainSchema) =>
        new(model, trainSchema, FeatureColumn.Name);
}
