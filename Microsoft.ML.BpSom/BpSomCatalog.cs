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
}
