using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>A view showing a selection of its input's columns.</summary>
internal sealed class SelectedColumnsView : IDataView
{
    private readonly IDataView _input;
    private readonly ColumnSelection _selection;

    public SelectedColumnsView(IDataView input, ColumnSelection selection)
    {
        _input = input;
        _selection = selection;
    }

    public bool CanShuffle => _input.CanShuffle;
    public DataViewSchema Schema => _selection.OutputSchema;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = columnsNeeded.ToArray();
        return new Cursor(_input.GetRowCursor(_selection.InputsFor(active), rand), _selection, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var active = columnsNeeded.ToArray();
        return _input.GetRowCursorSet(_selection.InputsFor(active), n, rand)
            .Select(c => (DataViewRowCursor)new Cursor(c, _selection, active)).ToArray();
    }

    private sealed class Cursor : RowCursorBase
    {
        private readonly DataViewRowCursor _input;
        private readonly ColumnSelection _selection;

        public Cursor(DataViewRowCursor input, ColumnSelection selection, DataViewSchema.Column[] active)
            : base(selection.OutputSchema, active)
        {
            _input = input;
            _selection = selection;
        }

        public override long Batch => _input.Batch;
        protected override bool MoveNextCore() => _input.MoveNext();
        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            _input.GetGetter<TValue>(_selection.Sources[columnIndex]);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _input.Dispose();
            base.Dispose(disposing);
        }
    }
}
