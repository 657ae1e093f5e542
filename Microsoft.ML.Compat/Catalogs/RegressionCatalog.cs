namespace Microsoft.ML;

/// <summary><c>mlContext.Regression</c>: trainers (as extension methods on <see cref="Trainers"/>) and evaluation.</summary>
public sealed partial class RegressionCatalog : CatalogBase
{
    internal RegressionCatalog(MLContext context) : base(context)
    {
        Trainers = new RegressionTrainers(context);
    }

    public RegressionTrainers Trainers { get; }

    /// <summary>Target of regression trainer extension methods.</summary>
    public sealed class RegressionTrainers : CatalogBase
    {
        internal RegressionTrainers(MLContext context) : base(context) { }
    }
}
