namespace Microsoft.ML.Data;

/// <summary>
/// A cursor over a subset of another cursor's rows: values, ids and active columns come from the input cursor;
/// subclasses only decide, in <see cref="Advance"/>, which input rows to show.
/// </summary>
internal abstract class ForwardingCursor : DataViewRowCursor
{
    private long _position = -1;
    private bool _done;

    protected ForwardingCursor(DataViewRowCursor input)
    {
        Input = input;
    }

    protected DataViewRowCursor Input { get; }

    public sealed override long Position => _position;
    public override long Batch => Input.Batch;
    public override DataViewSchema Schema => Input.Schema;

    public sealed override bool MoveNext()
    {
        if (_done)
            return false;
        if (Advance())
        {
            _position++;
            return true;
        }
        _done = true;
        _position = -1;
        return false;
    }

    /// <summary>Moves <see cref="Input"/> to the next row to show; false when there is none.</summary>
    protected abstract bool Advance();

    public override ValueGetter<DataViewRowId> GetIdGetter() => Input.GetIdGetter();
    public override bool IsColumnActive(DataViewSchema.Column column) => Input.IsColumnActive(column);
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => Input.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Input.Dispose();
        base.Dispose(disposing);
    }
}
