namespace Microsoft.ML;

/// <summary>A component that can write its parameters into a model file.</summary>
public interface ICanSaveModel
{
    void Save(ModelSaveContext ctx);
}

/// <summary>
/// A component that <see cref="ModelOperationsCatalog.Load(string, out DataViewSchema)"/> can recreate.
/// The model file stores the component's assembly-qualified type name; loading resolves that type (from any
/// assembly the application references) and calls its static <see cref="Load"/> with a context positioned on
/// the bytes <see cref="ICanSaveModel.Save"/> wrote.
/// </summary>
/// <example>
/// <code>
/// public sealed class ScaleTransformer : ILoadableModel&lt;ScaleTransformer&gt;, ...
/// {
///     public void Save(ModelSaveContext ctx)
///     {
///         ctx.WriteVersion(1);
///         ctx.Writer.Write(_factor);
///     }
///     public static ScaleTransformer Load(ModelLoadContext ctx)
///     {
///         ctx.ReadVersion(newestSupported: 1);
///         return new ScaleTransformer(ctx.Context, ctx.Reader.ReadSingle());
///     }
/// }
/// </code>
/// </example>
public interface ILoadableModel<TSelf> : ICanSaveModel where TSelf : ILoadableModel<TSelf>
{
    static abstract TSelf Load(ModelLoadContext ctx);
}
