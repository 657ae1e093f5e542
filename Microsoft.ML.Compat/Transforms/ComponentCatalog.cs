using System.Reflection;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Runtime;

/// <summary>
/// The assemblies a context searches for components that models refer to by name, such as the mapping of a
/// <c>CustomMapping</c> transform (a class marked <see cref="CustomMappingFactoryAttributeAttribute"/>).
/// Reach it as <c>mlContext.ComponentCatalog</c>.
/// </summary>
public sealed class ComponentCatalog
{
    private readonly object _lock = new();
    private readonly HashSet<Assembly> _assemblies = new();

    internal ComponentCatalog() { }

    /// <summary>Makes the components of <paramref name="assembly"/> available to model loading.</summary>
    public void RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (_lock)
            _assemblies.Add(assembly);
    }

    /// <summary>The factory type registered for <paramref name="contractName"/>, or null.</summary>
    internal Type? FindCustomMappingFactory(string contractName)
    {
        Assembly[] assemblies;
        lock (_lock)
            assemblies = _assemblies.ToArray();
        return assemblies
            .SelectMany(a => a.GetTypes())
            .FirstOrDefault(t => t.GetCustomAttribute<CustomMappingFactoryAttributeAttribute>()?.ContractName == contractName);
    }
}
