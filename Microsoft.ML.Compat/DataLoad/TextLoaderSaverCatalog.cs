using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Text loading on <c>mlContext.Data</c>, as in ML.NET.</summary>
public static class TextLoaderSaverCatalog
{
    /// <summary>A text loader for the given columns.</summary>
    public static TextLoader CreateTextLoader(this DataOperationsCatalog catalog, TextLoader.Column[] columns,
        char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false,
        bool allowSparse = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TextLoader(MakeOptions(columns, separatorChar, hasHeader, allowQuoting, trimWhitespace, allowSparse));
    }

    /// <summary>A text loader with the given settings.</summary>
    public static TextLoader CreateTextLoader(this DataOperationsCatalog catalog, TextLoader.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TextLoader(options);
    }

    /// <summary>A text loader whose columns are the <c>[LoadColumn]</c> fields and properties of <typeparamref name="TInput"/>.</summary>
    public static TextLoader CreateTextLoader<TInput>(this DataOperationsCatalog catalog, char separatorChar = '\t',
        bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var columns = TextLoaderColumnsFromType.Create(typeof(TInput));
        return new TextLoader(MakeOptions(columns, separatorChar, hasHeader, allowQuoting, trimWhitespace, allowSparse));
    }

    /// <summary>Lazily loads a delimited text file with the given columns.</summary>
    public static IDataView LoadFromTextFile(this DataOperationsCatalog catalog, string path, TextLoader.Column[] columns,
        char separatorChar = '\t', bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false,
        bool allowSparse = false) =>
        catalog.CreateTextLoader(columns, separatorChar, hasHeader, allowQuoting, trimWhitespace, allowSparse).Load(path);

    /// <summary>Lazily loads a delimited text file with the given settings.</summary>
    public static IDataView LoadFromTextFile(this DataOperationsCatalog catalog, string path, TextLoader.Options options) =>
        catalog.CreateTextLoader(options).Load(path);

    /// <summary>Lazily loads a delimited text file into the columns described by <typeparamref name="TInput"/>'s
    /// <c>[LoadColumn]</c> members (names from <c>[ColumnName]</c> or the member name).</summary>
    public static IDataView LoadFromTextFile<TInput>(this DataOperationsCatalog catalog, string path, char separatorChar = '\t',
        bool hasHeader = false, bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false) =>
        catalog.CreateTextLoader<TInput>(separatorChar, hasHeader, allowQuoting, trimWhitespace, allowSparse).Load(path);

    private static TextLoader.Options MakeOptions(TextLoader.Column[] columns, char separatorChar, bool hasHeader,
        bool allowQuoting, bool trimWhitespace, bool allowSparse) => new()
        {
            Columns = columns ?? throw new ArgumentNullException(nameof(columns)),
            Separators = new[] { separatorChar },
            HasHeader = hasHeader,
            AllowQuoting = allowQuoting,
            TrimWhitespace = trimWhitespace,
            AllowSparse = allowSparse,
        };
}
