using System.Runtime.CompilerServices;

namespace Microsoft.ML;

/// <summary>Adds <c>mlContext.ComponentCatalog</c>, one catalog per context.</summary>
public static class ComponentCatalogExtensions
{
    private static readonly ConditionalWeakTable<MLContext, Runtime.ComponentCatalog> Catalogs = new();

    extension(MLContext context)
    {
        /// <summary>The assemblies this context searches for components named in model files.</summary>
        public Runtime.ComponentCatalog ComponentCatalog => Catalogs.GetValue(context, _ => new Runtime.ComponentCatalog());
    }
}
