namespace Microsoft.ML.Data;

/// <summary>The first <c>count</c> rows of a view.</summary>
internal sealed class TakeRowsView : PassThroughView
{
    private readonly long _count;

    public TakeRowsView(IDataView source, long count) : base(source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
    }

    public override long? GetRowCount() => Source.GetRowCount() is long n ? Math.Min(n, _count) : null;

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(Source.GetRowCursor(columnsNeeded), _count);

    private sealed class Cursor : ForwardingCursor
    {
        private readonly long _count;
        private long _taken;

        public Cursor(DataViewRowCursor input, long count) : base(input)
        {
            _count = count;
        }

        protected override bool Advance() => _taken++ < _count && Input.MoveNext();
    }
}
