namespace Microsoft.ML.Transforms;

/// <summary>
/// Recreates the mapping of a saved <c>CustomMapping</c>: derive from this, mark the class
/// <c>[CustomMappingFactoryAttribute("contract name")]</c> with the contract name given to <c>CustomMapping</c>, and
/// register its assembly with <c>mlContext.ComponentCatalog.RegisterAssembly</c> before loading the model.
/// </summary>
public abstract class CustomMappingFactory<TSrc, TDst> : ICustomMappingFactory
    where TSrc : class, new()
    where TDst : class, new()
{
    /// <summary>The mapping action; it must behave like the one the model was trained with.</summary>
    public abstract Action<TSrc, TDst> GetMapping();

    Delegate ICustomMappingFactory.GetMapping() => GetMapping();
}

/// <summary>The untyped face of <see cref="CustomMappingFactory{TSrc, TDst}"/>, for model loading.</summary>
internal interface ICustomMappingFactory
{
    Delegate GetMapping();
}
