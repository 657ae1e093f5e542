using Microsoft.ML.Data;
using Microsoft.ML.Datasets;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Data.LoadGlue(task, split)</c>: a GLUE file as an <see cref="IDataView"/> with columns
/// <c>Sentence1</c> (Text), <c>Sentence2</c> (Text, pair tasks only), <c>Label</c> (Text holding the class
/// as written in the file — "0"/"1", "entailment", … — so that <c>MapValueToKey("Label")</c> works; Single
/// for STS-B's similarity score; absent in test splits) and <c>RowIndex</c> (Int32, 0-based row number in
/// the file, which is also the index GLUE test submissions use).
/// </summary>
public static class GlueCatalog
{
    public const string Sentence1ColumnName = "Sentence1";
    public const string Sentence2ColumnName = "Sentence2";
    public const string LabelColumnName = "Label";
    public const string RowIndexColumnName = "RowIndex";

    /// <summary>Loads one split of a GLUE task. <paramref name="dataDir"/>: the task's folder (holding e.g.
    /// <c>train.tsv</c>) or a data root with <c>glue/&lt;Task&gt;</c> folders; null to search and, if need be,
    /// download (see <see cref="DatasetLocator"/>). Throws naming the file and line for a malformed row.</summary>
    public static IDataView LoadGlue(this DataOperationsCatalog catalog, GlueTask task, GlueSplit split, string? dataDir = null, DatasetLocator? locator = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        string path;
        using (var channel = catalog.Context.Start("LoadGlue"))
            path = (locator ?? DatasetLocator.Default).LocateGlue(task, split, dataDir, new ChannelProgress(channel));
        return catalog.LoadGlueFile(path, task, split);
    }

    /// <summary>Loads a file in the format of a GLUE task's split from an explicit path.</summary>
    public static IDataView LoadGlueFile(this DataOperationsCatalog catalog, string path, GlueTask task, GlueSplit split)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(path);
        var table = GlueTsvReader.Read(path, GlueFormat.For(task), split);
        var builder = new ArrayDataViewBuilder().AddColumn(Sentence1ColumnName, table.Sentence1);
        if (table.Sentence2 is { } second) builder.AddColumn(Sentence2ColumnName, second);
        if (table.Labels is { } labels) builder.AddColumn(LabelColumnName, labels);
        if (table.Scores is { } scores) builder.AddColumn(LabelColumnName, NumberDataViewType.Single, scores);
        builder.AddColumn(RowIndexColumnName, NumberDataViewType.Int32, Enumerable.Range(0, table.Count).ToArray());
        return builder.GetDataView();
    }
}
