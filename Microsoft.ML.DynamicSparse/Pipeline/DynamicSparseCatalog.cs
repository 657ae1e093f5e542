using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML;

/// <summary>Catalog entry point of Microsoft.ML.DynamicSparse.</summary>
public static class DynamicSparseCatalog
{
    /// <summary>A dynamic sparse MLP trained with Hebbian / magnitude pruning and regrowth.</summary>
    public static DynamicSparseTrainer DynamicSparse(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        DynamicSparseTrainer.Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new DynamicSparseTrainer(catalog.Context, options ?? new DynamicSparseTrainer.Options());
    }
}
