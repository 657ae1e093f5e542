namespace Microsoft.ML;

/// <summary>A trained, savable mapping from one data view to another.</summary>
public interface ITransformer : ICanSaveModel
{
    /// <summary>The schema <see cref="Transform"/> would produce; throws when the input lacks or mistypes a column.</summary>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>Returns a lazy view; no row is computed until a cursor is opened.</summary>
    IDataView Transform(IDataView input);

    /// <summary>True when <see cref="GetRowToRowMapper"/> is supported (needed by the prediction engine).</summary>
    bool IsRowToRowMapper { get; }

    IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);
}
