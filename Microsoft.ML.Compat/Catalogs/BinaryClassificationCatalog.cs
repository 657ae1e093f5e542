namespace Microsoft.ML;

/// <summary><c>mlContext.BinaryClassification</c>: trainers (as extension methods on <see cref="Trainers"/>) and evaluation.</summary>
public sealed partial class BinaryClassificationCatalog : CatalogBase
{
    internal BinaryClassificationCatalog(MLContext context) : base(context)
    {
        Trainers = new BinaryClassificationTrainers(context);
    }

    public BinaryClassificationTrainers Trainers { get; }

    /// <summary>Target of binary trainer extension methods.</summary>
    public sealed class BinaryClassificationTrainers : CatalogBase
    {
        internal BinaryClassificationTrainers(MLContext context) : base(context) { }
    }
}
