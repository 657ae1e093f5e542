namespace Microsoft.ML;

/// <summary><c>mlContext.MulticlassClassification</c>: trainers (as extension methods on <see cref="Trainers"/>) and evaluation.</summary>
public sealed partial class MulticlassClassificationCatalog : CatalogBase
{
    internal MulticlassClassificationCatalog(MLContext context) : base(context)
    {
        Trainers = new MulticlassClassificationTrainers(context);
    }

    public MulticlassClassificationTrainers Trainers { get; }

    /// <summary>Target of multiclass trainer extension methods.</summary>
    public sealed class MulticlassClassificationTrainers : CatalogBase
    {
        internal MulticlassClassificationTrainers(MLContext context) : base(context) { }
    }
}
