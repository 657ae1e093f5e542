namespace Microsoft.ML;

/// <summary><c>mlContext.Data</c>: loading, converting and sampling data views.</summary>
public sealed partial class DataOperationsCatalog : CatalogBase
{
    internal DataOperationsCatalog(MLContext context) : base(context) { }
}
