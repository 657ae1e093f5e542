using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.BpSom;

/// <summary>The BP-SOM BERT text classifier on the multiclass catalog: <c>ml.MulticlassClassification.Trainers.BpSomTextClassification(options)</c>.
/// Reads a text column (and optionally a second one for sentence pairs) and a key label; appends Score (softmax probabilities),
/// PredictedLabel (key), SomCell and SomReliability. The whole data set is read into memory once.</summary>
public sealed partial class BpSomTextClassificationTrainer : MulticlassTrainerBase<BpSomTextModelParameters>
{
    private readonly BpSomTextFit _fit;

    internal BpSomTextClassificationTrainer(MLContext context, Options options)
        : base(context.Register(nameof(BpSomTextClassificationTrainer), Validated(options).Seed), TrainerShapes.Text(options.SentenceColumnName),
            options.LabelColumnName)
    {
        _fit = new BpSomTextFit(options, isBinary: false);
    }

    public override TrainerInfo Info { get; } = new(normalization: false, caching: false, supportValid: true);

    /// <summary>Trains with a validation set (evaluated after each epoch for early stopping and model selection; without one the
    /// training set's labelling-pass accuracy is used), reporting progress after each batch. Stops with
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires.</summary>
    public MulticlassPredictionTransformer<BpSomTextModelParameters> Fit(IDataView trainData, IDataView? validationData,
        IProgress<TextTrainingProgress>? progress = null, CancellationToken cancellation = default) =>
        _fit.Run(progress, cancellation, () => TrainTransformer(trainData, validationData));

    protected override BpSomTextModelParameters TrainModelCore(TrainContext context) => _fit.Train(Host, context);

    protected override SchemaShape.Column[] GetOutputColumnsCore(SchemaShape inputSchema) =>
        [.. base.GetOutputColumnsCore(inputSchema), .. BpSomTextTraining.SomOutputShapes];

    internal static Options Validated(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
