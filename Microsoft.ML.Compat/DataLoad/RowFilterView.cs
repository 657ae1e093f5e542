namespace Microsoft.ML.Data;

/// <summary>
/// The rows of a view that pass a predicate. The predicate is built once per cursor from the input cursor (so it
/// can create its getters up front); the column it reads, if any, is activated in the input even when not requested.
/// </summary>
internal sealed class RowFilterView : PassThroughView
{
    private readonly DataViewSchema.Column? _filterColumn;
    private readonly Func<DataViewRowCursor, Func<bool>> _makePredicate;

    public RowFilterView(IDataView source, DataViewSchema.Column? filterColumn, Func<DataViewRowCursor, Func<bool>> makePredicate)
        : base(source)
    {
        _filterColumn = filterColumn;
        _makePredicate = makePredicate;
    }

    public override DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var columns = columnsNeeded.ToList();
        if (_filterColumn is { } filter && !columns.Any(c => c.Index == filter.Index))
            columns.Add(filter);
        var input = Source.GetRowCursor(columns);
        return new Cursor(input, _makePredicate(input));
    }

    private sealed class Cursor : ForwardingCursor
    {
        private readonly Func<bool> _keep;

        public Cursor(DataViewRowCursor input, Func<bool> keep) : base(input)
        {
            _keep = keep;
        }

        protected override bool Advance()
        {
            while (Input.MoveNext())
            {
                if (_keep())
                    return true;
            }
            return false;
        }
    }
}
