using Microsoft.ML.SleepReplay;

namespace Microsoft.ML;

/// <summary>Catalog entry points of Microsoft.ML.SleepReplay.</summary>
public static class SleepReplayCatalog
{
    /// <summary>Sleep Replay Consolidation of a trained <see cref="MlpModelParameters"/>, driven by the rows the estimator is fitted on.</summary>
    public static SleepReplayConsolidationEstimator SleepReplayConsolidation(this TransformsCatalog catalog, SleepReplayConsolidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SleepReplayConsolidationEstimator(catalog.Context, options);
    }

    /// <summary>The sequential-task MLP trainer (bias-free ReLU layers, dropout, SGD with momentum).</summary>
    public static SequentialMlpTrainer SequentialMlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        SequentialMlpTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SequentialMlpTrainer(catalog.Context, options);
    }

    /// <summary>The sequential-task MLP trainer with default settings and the given columns.</summary>
    public static SequentialMlpTrainer SequentialMlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features") =>
        catalog.SequentialMlp(new SequentialMlpTrainer.Options { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });
}
