using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>Key conversions on <c>mlContext.Transforms.Conversion</c>, as in ML.NET.</summary>
public static class ConversionsExtensionsCatalog
{
    /// <summary>
    /// Maps the values of <paramref name="inputColumnName"/> (default: the output column) to keys 1..K learned from
    /// the data (or from <paramref name="keyData"/>); unseen and missing values become the missing key 0.
    /// </summary>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog,
        string outputColumnName, string? inputColumnName = null,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
        bool addKeyValueAnnotationsAsText = ValueToKeyMappingEstimator.Defaults.AddKeyValueAnnotationsAsText,
        IDataView? keyData = null) =>
        catalog.MapValueToKey(new[] { new InputOutputColumnPair(outputColumnName, inputColumnName) },
            maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText, keyData);

    /// <summary>Maps several columns to keys, each with its own dictionary.</summary>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog,
        InputOutputColumnPair[] columns,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
        bool addKeyValueAnnotationsAsText = ValueToKeyMappingEstimator.Defaults.AddKeyValueAnnotationsAsText,
        IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ValueToKeyMappingEstimator(catalog.Context, columns, maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText, keyData);
    }

    /// <summary>Maps a key column back to the values of its KeyValues annotation.</summary>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog,
        string outputColumnName, string? inputColumnName = null) =>
        catalog.MapKeyToValue(new[] { new InputOutputColumnPair(outputColumnName, inputColumnName) });

    /// <summary>Maps several key columns back to their values.</summary>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new KeyToValueMappingEstimator(columns);
    }
}
