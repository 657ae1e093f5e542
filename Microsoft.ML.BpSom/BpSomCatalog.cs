using Microsoft.ML.BpSom;

namespace Microsoft.ML;

/// <summary>BP-SOM trainers on the ML.NET catalogs.</summary>
public static class BpSomCatalog
{
    /// <summary>The original BP-SOM trainer (Weijters 1995) on a Single feature vector and a key label.
    /// Options are checked here: one out of range throws <see cref="ArgumentOutOfRangeException"/> naming it.</summary>
    public static BpSomTrainer BpSom(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, BpSomTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new BpSomTrainer(catalog.Context, options);
    }

    /// <summary>The original BP-SOM trainer with one hidden layer and otherwise the reference defaults.</summary>
    public static BpSomTrainer BpSom(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int hiddenUnits = 100, int somGridSize = 10,
        float somErrorWeight = 0.25f, int numberOfEpochs = 2000) =>
        catalog.BpSom(new BpSomTrainer.Options
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            HiddenLayerSizes = [hiddenUnits],
            SomGridSize = somGridSize,
            SomErrorWeight = somErrorWeight,
            NumberOfEpochs = numberOfEpochs,
        });

    /// <summary>The BP-SOM BERT text classifier (issue 6): a BERT encoder, its pooled [CLS] vector into a BP-SOM hidden layer with a SOM,
    /// then a softmax classifier. The label must be a key. Options are checked here (out of range: <see cref="ArgumentOutOfRangeException"/>
    /// naming the option; a missing checkpoint folder or vocabulary file: <see cref="DirectoryNotFoundException"/> / <see cref="FileNotFoundException"/>).</summary>
    public static BpSomTextClassificationTrainer BpSomTextClassification(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        BpSomTextClassificationTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new BpSomTextClassificationTrainer(catalog.Context, options);
    }

    /// <summary>The BP-SOM BERT text classifier for a Boolean label (Score = log-odds, Probability, PredictedLabel).</summary>
    public static BpSomBinaryTextClassificationTrainer BpSomTextClassification(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        BpSomTextClassificationTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new BpSomBinaryTextClassificationTrainer(catalog.Context, options);
    }
}
