namespace Microsoft.ML;

/// <summary><c>mlContext.Transforms</c>: data transforms; sub-catalogs group conversions and text operations.</summary>
public sealed partial class TransformsCatalog : CatalogBase
{
    internal TransformsCatalog(MLContext context) : base(context)
    {
        Conversion = new ConversionTransforms(context);
        Text = new TextTransforms(context);
    }

    /// <summary>Type and key conversions (MapValueToKey, MapKeyToValue, ConvertType).</summary>
    public ConversionTransforms Conversion { get; }

    /// <summary>Text operations (tokenization, featurization).</summary>
    public TextTransforms Text { get; }

    /// <summary>Holds the conversion transforms (extension methods).</summary>
    public sealed partial class ConversionTransforms : CatalogBase
    {
        internal ConversionTransforms(MLContext context) : base(context) { }
    }

    /// <summary>Holds the text transforms (extension methods).</summary>
    public sealed partial class TextTransforms : CatalogBase
    {
        internal TextTransforms(MLContext context) : base(context) { }
    }
}
