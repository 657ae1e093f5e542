using System.Collections;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// The ordered columns of a data view. Names may repeat: lookups by name find the last column with that
/// name, and earlier ones are marked <see cref="Column.IsHidden"/>. Build one with <see cref="Builder"/>.
/// </summary>
public sealed partial class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _nameToIndex;

    private DataViewSchema(Column[] columns)
    {
        _columns = columns;
        _nameToIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
            _nameToIndex[column.Name] = column.Index;
    }

    /// <summary>A schema with no columns.</summary>
    internal static DataViewSchema EmptySchema { get; } = new(Array.Empty<Column>());

    public int Count => _columns.Length;

    public Column this[int columnIndex]
    {
        get
        {
            if ((uint)columnIndex >= (uint)_columns.Length)
                throw new ArgumentOutOfRangeException(nameof(columnIndex), $"Column index {columnIndex} is out of range; the schema has {_columns.Length} columns.");
            return _columns[columnIndex];
        }
    }

    /// <summary>The (visible) column called <paramref name="name"/>; throws "Column 'x' not found" otherwise.</summary>
    public Column this[string name] =>
        GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name), $"Column '{name}' not found");

    public Column? GetColumnOrNull(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _nameToIndex.TryGetValue(name, out int index) ? _columns[index] : null;
    }

    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Count} columns";

    /// <summary>Creates a schema from detached columns, marking shadowed names hidden.</summary>
    internal static DataViewSchema Create(IReadOnlyList<DetachedColumn> columns)
    {
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
            lastIndex[columns[i].Name] = i;
        var result = new Column[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            result[i] = new Column(c.Name, i, isHidden: lastIndex[c.Name] != i, c.Type, c.Annotations);
        }
        return new DataViewSchema(result);
    }

    /// <summary>A column of a schema: its name, position, type and annotations.</summary>
    public readonly struct Column
    {
        internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
        {
            Name = name;
            Index = index;
            IsHidden = isHidden;
            Type = type;
            Annotations = annotations;
        }

        public string Name { get; }
        public int Index { get; }

        /// <summary>True when a later column has the same name, so name lookups do not find this one.</summary>
        public bool IsHidden { get; }

        public DataViewType Type { get; }

        /// <summary>The column's annotations; never null (<see cref="Annotations.Empty"/> when there are none).</summary>
        public Annotations Annotations { get; }

        public override string ToString()
        {
            var kinds = Annotations?.Schema.Select(a => a.Name).ToArray() ?? Array.Empty<string>();
            return kinds.Length == 0 ? $"{Name}: {Type}" : $"{Name}: {Type} {{{string.Join(", ", kinds)}}}";
        }
    }

    /// <summary>A column description not (yet) attached to a schema.</summary>
    public readonly struct DetachedColumn
    {
        public DetachedColumn(string name, DataViewType type, Annotations? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(type);
            Name = name;
            Type = type;
            Annotations = annotations ?? Annotations.Empty;
        }

        public DetachedColumn(Column column) : this(column.Name, column.Type, column.Annotations) { }

        public string Name { get; }
        public DataViewType Type { get; }
        public Annotations Annotations { get; }
    }

    /// <summary>Accumulates columns and produces a schema.</summary>
    public sealed class Builder
    {
        private readonly List<DetachedColumn> _columns = new();

        public void AddColumn(string name, DataViewType type, Annotations? annotations = null) =>
            _columns.Add(new DetachedColumn(name, type, annotations));

        public void AddColumns(IEnumerable<Column> source)
        {
            ArgumentNullException.ThrowIfNull(source);
            foreach (var column in source)
                _columns.Add(new DetachedColumn(column));
        }

        public void AddColumns(IEnumerable<DetachedColumn> source)
        {
            ArgumentNullException.ThrowIfNull(source);
            _columns.AddRange(source);
        }

        public DataViewSchema ToSchema() => Create(_columns.ToArray());
    }
}
