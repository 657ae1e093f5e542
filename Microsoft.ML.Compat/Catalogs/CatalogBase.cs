namespace Microsoft.ML;

/// <summary>
/// Base of every catalog. Extension methods defined in other assemblies (trainers, loaders) reach the
/// context through <see cref="Context"/>, e.g. <c>new MyTrainer(catalog.Context, options)</c>.
/// </summary>
public abstract class CatalogBase
{
    private protected CatalogBase(MLContext context)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }
}
