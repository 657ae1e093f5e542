namespace Microsoft.ML.Data;

/// <summary>
/// Loads delimited text files (CSV, TSV) as data views. Loading is lazy: <see cref="Load"/> only checks that the
/// file exists and reads the header line (whose fields name the slots of fixed-size vector columns, as in ML.NET);
/// each cursor streams the file again (skipping the header and blank lines) and parses only the fields of its
/// active columns.
/// Unlike ML.NET, which silently turns bad fields into missing values, an unparsable value or a line with too
/// few fields throws a <see cref="FormatException"/> naming the file, line and column.
/// </summary>
public sealed class TextLoader
{
    private readonly Options _options;
    private readonly char _separator;
    private readonly TextColumnLayout[] _layout;

    internal TextLoader(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Columns is not { Length: > 0 })
            throw new ArgumentException("The text loader needs at least one column.", nameof(options));
        if (options.Separators is not { Length: 1 })
            throw new ArgumentException("Exactly one separator character is supported.", nameof(options));
        _options = options;
        _separator = options.Separators[0];
        _layout = options.Columns.Select(TextColumnLayout.Create).ToArray();

        var builder = new DataViewSchema.Builder();
        foreach (var column in _layout)
            builder.AddColumn(column.Name, column.Type);
        OutputSchema = builder.ToSchema();
    }

    /// <summary>The schema of the data views this loader produces.</summary>
    public DataViewSchema OutputSchema { get; }

    public DataViewSchema GetOutputSchema() => OutputSchema;

    /// <summary>A lazy view of the file at <paramref name="path"/>.</summary>
    public IDataView Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Text file '{path}' does not exist.", path);
        var splitter = new TextFieldSplitter(_separator, _options.AllowQuoting, _options.TrimWhitespace);
        var schema = _options.HasHeader ? SchemaWithSlotNames(path, splitter) : OutputSchema;
        return new TextDataView(path, schema, _layout, splitter, _options.HasHeader, _options.AllowSparse);
    }

    /// <summary>The output schema with SlotNames, taken from the header fields, on every fixed-size vector column.</summary>
    private DataViewSchema SchemaWithSlotNames(string path, TextFieldSplitter splitter)
    {
        string? header;
        using (var reader = new StreamReader(path))
            header = reader.ReadLine();
        if (header is null)
            return OutputSchema;
        var fields = new List<ReadOnlyMemory<char>>();
        splitter.Split(header, fields, new TextLocation(path, 1));
        var builder = new DataViewSchema.Builder();
        foreach (var column in _layout)
        {
            if (column.Type is not VectorDataViewType { IsKnownSize: true } vector)
            {
                builder.AddColumn(column.Name, column.Type);
                continue;
            }
            var names = column.Ranges
                .SelectMany(r => Enumerable.Range(r.Min, r.Max!.Value - r.Min + 1))
                .Select(i => i < fields.Count ? fields[i].ToString().AsMemory() : ReadOnlyMemory<char>.Empty)
                .ToArray();
            var annotations = new DataViewSchema.Annotations.Builder();
            annotations.Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, vector.Size),
                (ref VBuffer<ReadOnlyMemory<char>> dst) => new VBuffer<ReadOnlyMemory<char>>(names.Length, names).CopyTo(ref dst));
            builder.AddColumn(column.Name, column.Type, annotations.ToAnnotations());
        }
        return builder.ToSchema();
    }

    /// <summary>Settings of a text loader (ML.NET's TextLoader.Options).</summary>
    public sealed class Options
    {
        public Column[] Columns { get; set; } = Array.Empty<Column>();
        public char[] Separators { get; set; } = { '\t' };
        public bool HasHeader { get; set; }

        /// <summary>Fields may be wrapped in double quotes, which may then contain separators; "" inside quotes is one quote.</summary>
        public bool AllowQuoting { get; set; }

        /// <summary>Strip leading and trailing whitespace from every field.</summary>
        public bool TrimWhitespace { get; set; }

        /// <summary>
        /// Lines may end in a sparse section: the number of fields it stands for, then 0-based "index:value"
        /// pairs relative to the section start; unlisted fields are 0. "1 2 5 2:6 4:3" reads as 1 2 0 0 6 0 3.
        /// </summary>
        public bool AllowSparse { get; set; }
    }

    /// <summary>A column to load: its name, item kind and the 0-based source fields it reads.</summary>
    public sealed class Column
    {
        public Column(string name, DataKind dataKind, int index)
            : this(name, dataKind, new[] { new Range(index) }) { }

        public Column(string name, DataKind dataKind, int minIndex, int maxIndex)
            : this(name, dataKind, new[] { new Range(minIndex, maxIndex) }) { }

        public Column(string name, DataKind dataKind, int[] columnIndexes, KeyCount? keyCount = null)
            : this(name, dataKind, (columnIndexes ?? throw new ArgumentNullException(nameof(columnIndexes))).Select(i => new Range(i)).ToArray(), keyCount) { }

        public Column(string name, DataKind dataKind, Range[] source, KeyCount? keyCount = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(source);
            if (source.Length == 0)
                throw new ArgumentException($"Column '{name}' needs at least one source range.", nameof(source));
            Name = name;
            DataKind = dataKind;
            Source = source;
            KeyCount = keyCount;
        }

        public string Name { get; }
        public DataKind DataKind { get; }
        public Range[] Source { get; }

        /// <summary>When set, the column is a key column of this many values.</summary>
        public KeyCount? KeyCount { get; }
    }

    /// <summary>A run of source fields [Min, Max]; Max null means "to the end of the line" (a variable-size vector).</summary>
    public sealed class Range
    {
        public Range(int index) : this(index, index) { }

        public Range(int min, int? max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(min);
            if (max < min)
                throw new ArgumentOutOfRangeException(nameof(max), $"Range end {max} is before its start {min}.");
            Min = min;
            Max = max;
        }

        public int Min { get; }
        public int? Max { get; }

        /// <summary>Load a single field as a vector of length 1 instead of a scalar.</summary>
        public bool ForceVector { get; init; }
    }
}
