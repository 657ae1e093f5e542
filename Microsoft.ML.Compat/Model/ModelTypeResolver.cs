using System.Reflection;

namespace Microsoft.ML;

/// <summary>Turns stored type names back into types and calls their <see cref="ILoadableModel{TSelf}.Load"/>.</summary>
internal static class ModelTypeResolver
{
    private static readonly MethodInfo LoadTypedMethod =
        typeof(ModelTypeResolver).GetMethod(nameof(LoadTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static bool IsLoadable(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ILoadableModel<>)
            && i.GetGenericArguments()[0] == type);

    /// <summary>Resolves an assembly-qualified name, matching assemblies by simple name so a model saved by
    /// another build of the same library still loads.</summary>
    public static Type Resolve(string typeName, string source, string directory)
    {
        Type? type;
        try
        {
            type = Type.GetType(typeName, ResolveAssembly, typeResolver: null, throwOnError: false);
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or ArgumentException)
        {
            throw new InvalidDataException($"Model file '{source}', entry '{directory}': cannot load the assembly of type '{typeName}': {e.Message}", e);
        }
        if (type is null)
            throw new InvalidDataException($"Model file '{source}', entry '{directory}': type '{typeName}' was not found; is its assembly referenced?");
        if (!IsLoadable(type))
            throw new InvalidDataException($"Model file '{source}', entry '{directory}': type '{type.FullName}' does not implement ILoadableModel.");
        return type;
    }

    public static object InvokeLoad(Type type, ModelLoadContext ctx)
    {
        try
        {
            return LoadTypedMethod.MakeGenericMethod(type).Invoke(null, new object[] { ctx })!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object LoadTyped<T>(ModelLoadContext ctx) where T : ILoadableModel<T> => T.Load(ctx);

    private static Assembly? ResolveAssembly(AssemblyName name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (AssemblyName.ReferenceMatchesDefinition(new AssemblyName(name.Name!), assembly.GetName()))
                return assembly;
        }
        try
        {
            return Assembly.Load(new AssemblyName(name.Name!));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
