using System.Globalization;
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// A trained value-to-key mapping for one column, with its item type known only at run time. It produces the
/// key getters (scalar or vector), the KeyValues annotation, and is saved as that annotation.
/// </summary>
internal abstract class KeyMap
{
    protected KeyMap(PrimitiveDataViewType itemType)
    {
        ItemType = itemType;
    }

    /// <summary>The type of the mapped values (the input column's item type).</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The number of keys.</summary>
    public abstract int Count { get; }

    /// <summary>The output key type Key&lt;UInt32, Count&gt;.</summary>
    public KeyDataViewType KeyType => new(typeof(uint), Count);

    /// <summary>The KeyValues vector (of <see cref="ItemType"/>, or of text when <paramref name="asText"/>).</summary>
    public abstract void AddKeyValues(DataViewSchema.Annotations.Builder builder, bool asText);

    /// <summary>A getter of keys for <paramref name="column"/>: ValueGetter&lt;uint&gt; for a scalar, of VBuffer&lt;uint&gt; for a vector.</summary>
    public abstract Delegate MakeGetter(DataViewRow input, DataViewSchema.Column column);

    /// <summary>Item types a key mapping accepts: text, booleans, numbers and keys.</summary>
    public static bool CanMap(DataViewType itemType) =>
        itemType is TextDataViewType or BooleanDataViewType or NumberDataViewType or KeyDataViewType;

    /// <summary>Reads every value of <paramref name="column"/> (scalar or vector) in <paramref name="data"/> to build the mapping,
    /// stopping when the context's execution is cancelled.</summary>
    public static KeyMap Train(IDataView data, DataViewSchema.Column column, int maxKeys, ValueToKeyMappingEstimator.KeyOrdinality ordinality, MLContext context)
    {
        var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : (PrimitiveDataViewType)column.Type;
        return (KeyMap)Invoke(nameof(KeyMap<int>.TrainTyped), itemType, data, column, maxKeys, ordinality, context);
    }

    /// <summary>Recreates a mapping from its saved KeyValues annotation.</summary>
    public static KeyMap FromKeyValues(PrimitiveDataViewType itemType, DataViewSchema.Annotations annotations) =>
        (KeyMap)Invoke(nameof(KeyMap<int>.FromKeyValuesTyped), itemType, itemType, annotations);

    public void Save(BinaryWriter writer)
    {
        writer.WriteDataViewType(ItemType);
        var builder = new DataViewSchema.Annotations.Builder();
        AddKeyValues(builder, asText: false);
        writer.WriteAnnotations(builder.ToAnnotations());
    }

    public static KeyMap Load(BinaryReader reader)
    {
        if (reader.ReadDataViewType() is not PrimitiveDataViewType itemType || !CanMap(itemType))
            throw new InvalidDataException("A key mapping's item type must be text, boolean, numeric or a key.");
        return FromKeyValues(itemType, reader.ReadAnnotations());
    }

    private static object Invoke(string method, PrimitiveDataViewType itemType, params object[] arguments)
    {
        try
        {
            return typeof(KeyMap<>).MakeGenericType(itemType.RawType)
                .GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}

/// <summary>A key mapping over values of type <typeparamref name="T"/>.</summary>
internal sealed class KeyMap<T> : KeyMap where T : notnull
{
    private readonly KeyDictionary<T> _dictionary;

    private KeyMap(PrimitiveDataViewType itemType, KeyDictionary<T> dictionary) : base(itemType)
    {
        _dictionary = dictionary;
    }

    public override int Count => _dictionary.Values.Length;

    public static KeyMap TrainTyped(IDataView data, DataViewSchema.Column column, int maxKeys, ValueToKeyMappingEstimator.KeyOrdinality ordinality, MLContext context)
    {
        var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : (PrimitiveDataViewType)column.Type;
        var dictionary = KeyDictionary<T>.Build(ReadValues(data, column, context), IsMissing(itemType), Retain, maxKeys, ordinality);
        if (dictionary.Values.Length == 0)
            throw new InvalidOperationException($"Column '{column.Name}' has no non-missing values to map to keys.");
        return new KeyMap<T>(itemType, dictionary);
    }

    public static KeyMap FromKeyValuesTyped(PrimitiveDataViewType itemType, DataViewSchema.Annotations annotations)
    {
        VBuffer<T> values = default;
        annotations.GetValue(AnnotationUtils.Kinds.KeyValues, ref values);
        return new KeyMap<T>(itemType, new KeyDictionary<T>(values.DenseValues().ToArray()));
    }

    public override void AddKeyValues(DataViewSchema.Annotations.Builder builder, bool asText)
    {
        if (asText)
        {
            var names = _dictionary.Values.Select(v => ToText(v).AsMemory()).ToArray();
            builder.Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, names.Length),
                (ref VBuffer<ReadOnlyMemory<char>> dst) => new VBuffer<ReadOnlyMemory<char>>(names.Length, names).CopyTo(ref dst));
            return;
        }
        var values = _dictionary.Values;
        builder.Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(ItemType, values.Length),
            (ref VBuffer<T> dst) => new VBuffer<T>(values.Length, values).CopyTo(ref dst));
    }

    public override Delegate MakeGetter(DataViewRow input, DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType)
        {
            var source = input.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            T[] dense = Array.Empty<T>();
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> dst) =>
            {
                source(ref buffer);
                if (dense.Length < buffer.Length)
                    dense = new T[buffer.Length];
                buffer.CopyTo(dense);
                var editor = VBufferEditor.Create(ref dst, buffer.Length);
                for (int i = 0; i < buffer.Length; i++)
                    editor.Values[i] = _dictionary.GetKey(dense[i]);
                dst = editor.Commit();
            });
        }
        var scalar = input.GetGetter<T>(column);
        T value = default!;
        return (ValueGetter<uint>)((ref uint dst) =>
        {
            scalar(ref value);
            dst = _dictionary.GetKey(value);
        });
    }

    private static IEnumerable<T> ReadValues(IDataView data, DataViewSchema.Column column, MLContext context)
    {
        using var cursor = data.GetRowCursor(new[] { column });
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            while (cursor.MoveNext())
            {
                context.CheckAlive();
                getter(ref buffer);
                foreach (var item in buffer.DenseValues())
                    yield return item;
            }
        }
        else
        {
            var getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (cursor.MoveNext())
            {
                context.CheckAlive();
                getter(ref value);
                yield return value;
            }
        }
    }

    /// <summary>Missing values never get a key: NaN, empty text, and the key 0 of key-typed input.</summary>
    private static Func<T, bool> IsMissing(PrimitiveDataViewType itemType)
    {
        if (itemType is KeyDataViewType)
            return v => EqualityComparer<T>.Default.Equals(v, default!);
        if (typeof(T) == typeof(float))
            return v => float.IsNaN((float)(object)v!);
        if (typeof(T) == typeof(double))
            return v => double.IsNaN((double)(object)v!);
        if (typeof(T) == typeof(ReadOnlyMemory<char>))
            return v => ((ReadOnlyMemory<char>)(object)v!).IsEmpty;
        return _ => false;
    }

    /// <summary>Text values are copied so the dictionary does not keep the source's buffers alive.</summary>
    private static T Retain(T value) => value is ReadOnlyMemory<char> text ? (T)(object)text.ToString().AsMemory() : value;

    private static string ToText(T value) => value switch
    {
        ReadOnlyMemory<char> text => text.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
