namespace Microsoft.ML.Data;

/// <summary>A lazy view of a delimited text file: every cursor re-reads the file from the start.</summary>
internal sealed class TextDataView : IDataView
{
    private readonly string _path;
    private readonly TextColumnLayout[] _layout;
    private readonly TextFieldSplitter _splitter;
    private readonly bool _hasHeader;
    private readonly bool _allowSparse;

    public TextDataView(string path, DataViewSchema schema, TextColumnLayout[] layout, TextFieldSplitter splitter, bool hasHeader, bool allowSparse)
    {
        _path = path;
        Schema = schema;
        _layout = layout;
        _splitter = splitter;
        _hasHeader = hasHeader;
        _allowSparse = allowSparse;
    }

    public bool CanShuffle => false;
    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.ToArray());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    /// <summary>Streams the file; only the active columns' fields are parsed.</summary>
    private sealed class Cursor : RowCursorBase
    {
        private readonly TextDataView _view;
        private readonly TextColumnReader?[] _readers;
        private readonly bool _anyActive;
        private readonly List<ReadOnlyMemory<char>> _fields = new();
        private readonly StreamReader _reader;
        private long _lineNumber;

        public Cursor(TextDataView view, DataViewSchema.Column[] active) : base(view.Schema, active)
        {
            _view = view;
            _readers = new TextColumnReader?[view._layout.Length];
            foreach (var column in active)
                _readers[column.Index] = view._layout[column.Index].CreateReader();
            _anyActive = active.Length > 0;
            _reader = new StreamReader(new FileStream(view._path, FileMode.Open, FileAccess.Read, FileShare.Read));
            if (view._hasHeader && _reader.ReadLine() is not null)
                _lineNumber = 1;
        }

        /// <summary>The 1-based line number, which identifies the row.</summary>
        protected override DataViewRowId CurrentRowId => new((ulong)_lineNumber, 0);

        protected override bool MoveNextCore()
        {
            string? line;
            do
            {
                line = _reader.ReadLine();
                _lineNumber++;
            }
            while (line is not null && string.IsNullOrWhiteSpace(line));

            if (line is null)
                return false;
            if (_anyActive)
            {
                var location = new TextLocation(_view._path, _lineNumber);
                _view._splitter.Split(line, _fields, location);
                if (_view._allowSparse)
                    SparseFieldExpander.Expand(_fields, location);
                foreach (var reader in _readers)
                    reader?.Read(_fields, location);
            }
            return true;
        }

        protected override ValueGetter<TValue> CreateGetter<TValue>(int columnIndex) =>
            (ValueGetter<TValue>)_readers[columnIndex]!.Getter;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _reader.Dispose();
            base.Dispose(disposing);
        }
    }
}
