using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary><c>mlContext.Transforms.CustomMapping</c>, as in ML.NET.</summary>
public static class CustomMappingCatalog
{
    /// <summary>
    /// Appends the members of <typeparamref name="TDst"/> as columns, filled by <paramref name="mapAction"/> from the
    /// input columns named like the members of <typeparamref name="TSrc"/>. To save the model, give a
    /// <paramref name="contractName"/> and provide a <see cref="CustomMappingFactory{TSrc, TDst}"/> for it when loading.
    /// </summary>
    public static CustomMappingEstimator<TSrc, TDst> CustomMapping<TSrc, TDst>(this TransformsCatalog catalog,
        Action<TSrc, TDst> mapAction, string? contractName)
        where TSrc : class, new()
        where TDst : class, new()
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CustomMappingEstimator<TSrc, TDst>(mapAction, contractName);
    }
}
