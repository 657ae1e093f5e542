using Microsoft.ML;

namespace Microsoft.ML.Compat.Tests.Support;

/// <summary>A view with a schema whose cursors throw: proves that schema errors are raised before any data is read.</summary>
public sealed class PoisonDataView : IDataView
{
    public PoisonDataView(DataViewSchema schema) => Schema = schema;

    public bool CanShuffle => false;
    public DataViewSchema Schema { get; }
    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        throw new AssertFailedException("Data was read although the schema is invalid.");

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        throw new AssertFailedException("Data was read although the schema is invalid.");
}
