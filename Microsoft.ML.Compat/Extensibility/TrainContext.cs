using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Trainers;

/// <summary>What <see cref="TrainerEstimatorBase{TTransformer, TModel}.TrainModelCore"/> receives: the data, the
/// validated columns, the label's classes and mini-batch readers.</summary>
public sealed class TrainContext
{
    internal TrainContext(IHost host, IDataView trainingSet, IDataView? validationSet, string featureColumnName,
        string? labelColumnName, string? weightColumnName)
    {
        Host = host;
        TrainingSet = trainingSet;
        ValidationSet = validationSet;
        FeatureColumn = trainingSet.Schema[featureColumnName];
        LabelColumn = labelColumnName is null ? null : trainingSet.Schema[labelColumnName];
        WeightColumn = weightColumnName is null ? null : trainingSet.Schema[weightColumnName];
    }

    /// <summary>The trainer's host (random source, logging, progress, cancellation).</summary>
    public IHost Host { get; }

    public IDataView TrainingSet { get; }
    public IDataView? ValidationSet { get; }
    public DataViewSchema.Column FeatureColumn { get; }
    public DataViewSchema.Column? LabelColumn { get; }
    public DataViewSchema.Column? WeightColumn { get; }

    /// <summary>The number of classes: the label key's count (0 when the label is not a key).</summary>
    public int ClassCount => LabelColumn?.Type is KeyDataViewType key ? checked((int)key.Count) : 0;

    /// <summary>The label's KeyValues as text (class k-1 ↔ key k), or null when the label has none.</summary>
    public string[]? GetClassNames()
    {
        if (LabelColumn is not { } label || !label.HasKeyValues())
            return null;
        var names = ScoreAnnotations.SlotNamesFromKeyValues(label.Annotations);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>A reader of dense float features + 0-based labels from the training (or validation) set.</summary>
    public MiniBatchReader CreateMiniBatchReader(bool validation = false)
    {
        if (LabelColumn is not { } label)
            throw new InvalidOperationException("Mini-batches of labels need a trainer with a label column.");
        var data = validation ? ValidationSet ?? throw new InvalidOperationException("No validation set was given.") : TrainingSet;
        return new MiniBatchReader(data, FeatureColumn.Name, label.Name);
    }
}
