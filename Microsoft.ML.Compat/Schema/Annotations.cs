using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    /// <summary>
    /// Metadata attached to a column: a single "row" whose columns are the annotation kinds
    /// (e.g. "SlotNames", "KeyValues") with their getters.
    /// </summary>
    public sealed class Annotations
    {
        private readonly Delegate[] _getters;

        internal Annotations(DataViewSchema schema, Delegate[] getters)
        {
            Schema = schema;
            _getters = getters;
        }

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new(EmptySchema, Array.Empty<Delegate>());

        /// <summary>The annotation kinds with their types.</summary>
        public DataViewSchema Schema { get; }

        /// <summary>The getter of one annotation; <typeparamref name="TValue"/> must be its type's raw type.</summary>
        public ValueGetter<TValue> GetGetter<TValue>(Column column)
        {
            if ((uint)column.Index >= (uint)_getters.Length || Schema[column.Index].Name != column.Name)
                throw new ArgumentOutOfRangeException(nameof(column), $"Annotation '{column.Name}' does not belong to this annotation set.");
            if (_getters[column.Index] is not ValueGetter<TValue> getter)
                throw new InvalidOperationException(
                    $"Annotation '{column.Name}' has type {column.Type} (raw {column.Type.RawType.Name}), not {typeof(TValue).Name}.");
            return getter;
        }

        /// <summary>The untyped getter of annotation column <paramref name="index"/> (a ValueGetter of its raw type).</summary>
        internal Delegate GetRawGetter(int index) => _getters[index];

        /// <summary>Reads the annotation of kind <paramref name="kind"/>; throws when it is absent.</summary>
        public void GetValue<TValue>(string kind, ref TValue value)
        {
            var column = Schema.GetColumnOrNull(kind)
                ?? throw new InvalidOperationException($"Annotation '{kind}' not found");
            GetGetter<TValue>(column)(ref value);
        }

        public override string ToString() => string.Join(", ", Schema.Select(c => c.Name));

        /// <summary>Accumulates annotations.</summary>
        public sealed class Builder
        {
            private readonly List<DetachedColumn> _columns = new();
            private readonly List<Delegate> _getters = new();

            /// <summary>Adds an annotation whose value is read through <paramref name="getter"/>.</summary>
            public void Add<TValue>(string name, DataViewType type, ValueGetter<TValue> getter, Annotations? annotations = null)
            {
                ArgumentNullException.ThrowIfNull(getter);
                if (type.RawType != typeof(TValue))
                    throw new ArgumentException($"Annotation '{name}' has type {type} whose raw type is {type.RawType.Name}, not {typeof(TValue).Name}.", nameof(getter));
                _columns.Add(new DetachedColumn(name, type, annotations));
                _getters.Add(getter);
            }

            /// <summary>Adds an annotation from an untyped getter, which must be a ValueGetter of the type's raw type.</summary>
            public void Add(string name, DataViewType type, Delegate getter, Annotations? annotations = null)
            {
                ArgumentNullException.ThrowIfNull(type);
                ArgumentNullException.ThrowIfNull(getter);
                var expected = typeof(ValueGetter<>).MakeGenericType(type.RawType);
                if (getter.GetType() != expected)
                    throw new ArgumentException($"Annotation '{name}' of type {type} needs a {expected.Name}<{type.RawType.Name}>, got {getter.GetType().Name}.", nameof(getter));
                _columns.Add(new DetachedColumn(name, type, annotations));
                _getters.Add(getter);
            }

            /// <summary>Adds an annotation holding a fixed value.</summary>
            public void AddPrimitiveValue<TValue>(string name, PrimitiveDataViewType type, TValue value, Annotations? annotations = null) =>
                Add(name, type, (ref TValue dst) => dst = value, annotations);

            /// <summary>Adds a fixed vector value; the vector's arrays are copied on each read so callers cannot change it.</summary>
            internal void AddVector<TItem>(string name, VectorDataViewType type, VBuffer<TItem> value) =>
                Add(name, type, (ref VBuffer<TItem> dst) => value.CopyTo(ref dst));

            /// <summary>Copies the annotations of <paramref name="annotations"/> whose kind passes <paramref name="selector"/>.</summary>
            public void Add(Annotations annotations, Func<string, bool> selector)
            {
                ArgumentNullException.ThrowIfNull(annotations);
                ArgumentNullException.ThrowIfNull(selector);
                foreach (var column in annotations.Schema)
                {
                    if (column.IsHidden || !selector(column.Name))
                        continue;
                    _columns.Add(new DetachedColumn(column));
                    _getters.Add(annotations._getters[column.Index]);
                }
            }

            public Annotations ToAnnotations()
            {
                if (_columns.Count == 0)
                    return Empty;
                return new Annotations(Create(_columns.ToArray()), _getters.ToArray());
            }
        }
    }
}
