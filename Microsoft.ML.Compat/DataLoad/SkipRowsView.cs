namespace Microsoft.ML.Data;

/// <summary>A view without its source's first <c>count</c> rows.</summary>
internal sealed class SkipRowsView : PassThroughView
{
    private readonly long _count;

    public SkipRowsView(IDataView source, long count) : base(source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
    }

    public override long? GetRowCount() => Source.GetRowCount() is long n ? Math.Max(0, n - _count) : null;

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(Source.GetRowCursor(columnsNeeded), _count);

    private sealed class Cursor : ForwardingCursor
    {
        private long _toSkip;

        public Cursor(DataViewRowCursor input, long count) : base(input)
        {
            _toSkip = count;
        }

        protected override bool Advance()
        {
            for (; _toSkip > 0; _toSkip--)
            {
                if (!Input.MoveNext())
                    return false;
            }
            return Input.MoveNext();
        }
    }
}
