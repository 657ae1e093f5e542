using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Trainers;

/// <summary>
/// Base for trainers. <see cref="GetOutputSchema"/> checks the feature, label and weight columns against the
/// shapes given to the constructor (ML.NET wording, e.g. "Schema mismatch for label column 'Label': expected
/// Key&lt;UInt32&gt;, got String") and appends the trainer's outputs. <see cref="Fit"/> runs the same check before
/// reading any row, then calls <see cref="TrainModelCore"/> and <see cref="MakeTransformer"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyTrainer : MulticlassTrainerBase&lt;MyModel&gt;
/// {
///     public MyTrainer(MLContext ml, string label = "Label", string features = "Features")
///         : base(ml.Register(nameof(MyTrainer)), TrainerShapes.FloatVectorFeatures(features), label) { }
///     public override TrainerInfo Info { get; } = new(normalization: false);
///     protected override MyModel TrainModelCore(TrainContext context)
///     {
///         var reader = context.CreateMiniBatchReader();
///         foreach (var batch in reader.Read(batchSize: 32, context.Host.Rand))
///             ...; // batch.Features: Count × reader.FeatureCount, batch.Labels: 0-based classes
///         return model;
///     }
/// }
/// </code>
/// </example>
public abstract class TrainerEstimatorBase<TTransformer, TModel> : ITrainerEstimator<TTransformer, TModel>
    where TTransformer : class, IPredictionTransformer<TModel>
    where TModel : class
{
    /// <summary>The trainer's host: random source, log channels, progress, cancellation.</summary>
    protected readonly IHost Host;

    /// <summary>Expected feature column (name and shape).</summary>
    public readonly SchemaShape.Column FeatureColumn;

    /// <summary>Expected label column; not <see cref="SchemaShape.Column.IsValid"/> for unsupervised trainers.</summary>
    public readonly SchemaShape.Column LabelColumn;

    /// <summary>Optional example-weight column.</summary>
    public readonly SchemaShape.Column WeightColumn;

    protected TrainerEstimatorBase(IHost host, SchemaShape.Column feature, SchemaShape.Column label, SchemaShape.Column weight = default)
    {
        Host = host ?? throw new ArgumentNullException(nameof(host));
        if (!feature.IsValid)
            throw new ArgumentException("A trainer needs a feature column.", nameof(feature));
        FeatureColumn = feature;
        LabelColumn = label;
        WeightColumn = weight;
    }

    public abstract TrainerInfo Info { get; }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckInputColumns(inputSchema);
        var outputs = GetOutputColumnsCore(inputSchema);
        var names = outputs.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new SchemaShape(inputSchema.Where(c => !names.Contains(c.Name)).Concat(outputs));
    }

    public TTransformer Fit(IDataView input) => TrainTransformer(input, validationData: null);

    /// <summary>Trains with an optional validation set (checked like the training set) and returns the transformer.
    /// Trainers that accept a validation set expose it, e.g. as a public <c>Fit(trainData, validationData)</c>.</summary>
    protected TTransformer TrainTransformer(IDataView trainData, IDataView? validationData)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        CheckInputColumns(SchemaShape.Create(trainData.Schema));
        if (validationData is not null)
            CheckInputColumns(SchemaShape.Create(validationData.Schema));
        var context = new TrainContext(Host, trainData, validationData, FeatureColumn.Name,
            LabelColumn.IsValid ? LabelColumn.Name : null, WeightColumn.IsValid ? WeightColumn.Name : null);
        var model = TrainModelCore(context);
        return MakeTransformer(model, trainData.Schema);
    }

    /// <summary>The columns the trainer's transformer appends, as shapes.</summary>
    protected abstract SchemaShape.Column[] GetOutputColumnsCore(SchemaShape inputSchema);

    /// <summary>Trains the model. Columns have been validated; read data through <paramref name="context"/>.</summary>
    protected abstract TModel TrainModelCore(TrainContext context);

    /// <summary>Wraps the trained model in its prediction transformer.</summary>
    protected abstract TTransformer MakeTransformer(TModel model, DataViewSchema trainSchema);

    private void CheckInputColumns(SchemaShape inputSchema)
    {
        ColumnChecks.FindCompatibleColumn(inputSchema, FeatureColumn, "feature");
        if (LabelColumn.IsValid)
            ColumnChecks.FindCompatibleColumn(inputSchema, LabelColumn, "label");
        if (WeightColumn.IsValid)
            ColumnChecks.FindCompatibleColumn(inputSchema, WeightColumn, "weight");
    }
}
