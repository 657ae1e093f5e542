using System.Collections;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// A data-free description of a schema used by <see cref="IEstimator{TTransformer}.GetOutputSchema"/> to check a
/// pipeline before any data is read. Key columns have the raw number type as <see cref="Column.ItemType"/> and
/// <see cref="Column.IsKey"/> set.
/// </summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    public SchemaShape(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
    }

    public int Count => _columns.Length;
    public Column this[int index] => _columns[index];
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The shape of a schema: its visible columns with their annotation shapes.</summary>
    public static SchemaShape Create(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = new List<Column>();
        foreach (var column in schema)
        {
            if (column.IsHidden)
                continue;
            var annotations = Create(column.Annotations.Schema);
            columns.Add(FromType(column.Name, column.Type, annotations));
        }
        return new SchemaShape(columns);
    }

    /// <summary>The shape column describing a column of <paramref name="type"/>.</summary>
    public static Column FromType(string name, DataViewType type, SchemaShape? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var kind = type is VectorDataViewType v
            ? v.IsKnownSize ? Column.VectorKind.Vector : Column.VectorKind.VariableVector
            : Column.VectorKind.Scalar;
        var item = type is VectorDataViewType vector ? vector.ItemType : type;
        bool isKey = item is KeyDataViewType;
        if (isKey)
            item = NumberDataViewType.FromRawType(item.RawType)!;
        return new Column(name, kind, item, isKey, annotations);
    }

    /// <summary>Finds the last column called <paramref name="name"/>.</summary>
    public bool TryFindColumn(string name, out Column column)
    {
        for (int i = _columns.Length - 1; i >= 0; i--)
        {
            if (_columns[i].Name == name)
            {
                column = _columns[i];
                return true;
            }
        }
        column = default;
        return false;
    }

    public override string ToString() => string.Join(", ", _columns.Select(c => $"{c.Name}: {c.GetTypeString()}"));

    /// <summary>One column of a shape: name, vector kind, item type, key flag and annotation shapes.</summary>
    public readonly struct Column
    {
        public enum VectorKind
        {
            Scalar,
            Vector,
            VariableVector,
        }

        public readonly string Name;
        public readonly VectorKind Kind;
        public readonly DataViewType ItemType;
        public readonly bool IsKey;
        public readonly SchemaShape Annotations;

        public Column(string name, VectorKind vecKind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(itemType);
            if (itemType is KeyDataViewType or VectorDataViewType)
                throw new ArgumentException($"Item type of shape column '{name}' must be a primitive non-key type (keys use IsKey), got {itemType}.", nameof(itemType));
            Name = name;
            Kind = vecKind;
            ItemType = itemType;
            IsKey = isKey;
            Annotations = annotations ?? new SchemaShape(Array.Empty<Column>());
        }

        /// <summary>False for default(Column), e.g. an unset optional column.</summary>
        public bool IsValid => Name != null;

        /// <summary>True when a column of shape <paramref name="source"/> can be fed where this shape is expected:
        /// same kind, item type and key-ness, and every annotation this shape requires is present and compatible.</summary>
        public bool IsCompatibleWith(Column source)
        {
            if (Kind != source.Kind || IsKey != source.IsKey || !ItemType.Equals(source.ItemType))
                return false;
            foreach (var annotation in Annotations)
            {
                if (!source.Annotations.TryFindColumn(annotation.Name, out var sourceAnnotation) || !annotation.IsCompatibleWith(sourceAnnotation))
                    return false;
            }
            return true;
        }

        /// <summary>"Single", "Key&lt;UInt32&gt;", "Vector&lt;Single&gt;", "VarVector&lt;String&gt;".</summary>
        public string GetTypeString()
        {
            string result = $"{ItemType}";
            if (IsKey)
                result = $"Key<{result}>";
            return Kind switch
            {
                VectorKind.Vector => $"Vector<{result}>",
                VectorKind.VariableVector => $"VarVector<{result}>",
                _ => result,
            };
        }

        public override string ToString() => $"{Name}: {GetTypeString()}";
    }
}
