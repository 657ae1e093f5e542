using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>Column operations on <c>mlContext.Transforms</c>, as in ML.NET.</summary>
public static class TransformExtensionsCatalog
{
    /// <summary>Concatenates scalar and vector columns of one item type into the vector column <paramref name="outputColumnName"/>.</summary>
    public static ColumnConcatenatingEstimator Concatenate(this TransformsCatalog catalog, string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnConcatenatingEstimator(outputColumnName, inputColumnNames);
    }

    /// <summary>Copies <paramref name="inputColumnName"/> to <paramref name="outputColumnName"/>.</summary>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, string outputColumnName, string inputColumnName)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        return new ColumnCopyingEstimator(new InputOutputColumnPair(outputColumnName, inputColumnName));
    }

    /// <summary>Copies several columns.</summary>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnCopyingEstimator(columns);
    }

    /// <summary>Removes every column with one of the given names.</summary>
    public static ColumnSelectingEstimator DropColumns(this TransformsCatalog catalog, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnSelectingEstimator(columnNames, keep: false, keepHidden: false);
    }

    /// <summary>Keeps only the given columns, in the given order.</summary>
    public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, params string[] columnNames) =>
        catalog.SelectColumns(columnNames, keepHidden: false);

    /// <summary>Keeps only the given columns, in the given order, with their hidden namesakes when <paramref name="keepHidden"/>.</summary>
    public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, string[] columnNames, bool keepHidden)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnSelectingEstimator(columnNames, keep: true, keepHidden);
    }
}
