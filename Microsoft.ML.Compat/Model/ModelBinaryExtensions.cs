using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Helpers for components' Save/Load: arrays, column types, annotations and whole schemas in a compact binary form.
/// </summary>
public static class ModelBinaryExtensions
{
    private enum TypeTag : byte
    {
        Number = 1,
        Text = 2,
        Boolean = 3,
        DateTime = 4,
        DateTimeOffset = 5,
        TimeSpan = 6,
        RowId = 7,
        Key = 8,
        Vector = 9,
    }

    private static readonly Type[] NumberRawTypes =
    {
        typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double),
    };

    private static readonly MethodInfo WriteVectorMethod =
        typeof(ModelBinaryExtensions).GetMethod(nameof(WriteVector), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ReadVectorMethod =
        typeof(ModelBinaryExtensions).GetMethod(nameof(ReadVector), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void WriteFloatArray(this BinaryWriter writer, ReadOnlySpan<float> values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
            writer.Write(v);
    }

    public static float[] ReadFloatArray(this BinaryReader reader)
    {
        var values = new float[ReadCount(reader)];
        for (int i = 0; i < values.Length; i++)
            values[i] = reader.ReadSingle();
        return values;
    }

    public static void WriteIntArray(this BinaryWriter writer, ReadOnlySpan<int> values)
    {
        writer.Write(values.Length);
        foreach (var v in values)
            writer.Write(v);
    }

    public static int[] ReadIntArray(this BinaryReader reader)
    {
        var values = new int[ReadCount(reader)];
        for (int i = 0; i < values.Length; i++)
            values[i] = reader.ReadInt32();
        return values;
    }

    public static void WriteStringArray(this BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values)
            writer.Write(v);
    }

    public static string[] ReadStringArray(this BinaryReader reader)
    {
        var values = new string[ReadCount(reader)];
        for (int i = 0; i < values.Length; i++)
            values[i] = reader.ReadString();
        return values;
    }

    public static void WriteDataViewType(this BinaryWriter writer, DataViewType type)
    {
        switch (type)
        {
            case NumberDataViewType:
                writer.Write((byte)TypeTag.Number);
                writer.Write((byte)Array.IndexOf(NumberRawTypes, type.RawType));
                break;
            case TextDataViewType: writer.Write((byte)TypeTag.Text); break;
            case BooleanDataViewType: writer.Write((byte)TypeTag.Boolean); break;
            case DateTimeDataViewType: writer.Write((byte)TypeTag.DateTime); break;
            case DateTimeOffsetDataViewType: writer.Write((byte)TypeTag.DateTimeOffset); break;
            case TimeSpanDataViewType: writer.Write((byte)TypeTag.TimeSpan); break;
            case RowIdDataViewType: writer.Write((byte)TypeTag.RowId); break;
            case KeyDataViewType key:
                writer.Write((byte)TypeTag.Key);
                writer.Write((byte)Array.IndexOf(NumberRawTypes, key.RawType));
                writer.Write(key.Count);
                break;
            case VectorDataViewType vector:
                writer.Write((byte)TypeTag.Vector);
                writer.WriteDataViewType(vector.ItemType);
                writer.WriteIntArray(vector.Dimensions.AsSpan());
                break;
            default:
                throw new NotSupportedException($"Column type {type} cannot be saved in a model file.");
        }
    }

    public static DataViewType ReadDataViewType(this BinaryReader reader)
    {
        var tag = (TypeTag)reader.ReadByte();
        switch (tag)
        {
            case TypeTag.Number: return NumberDataViewType.FromRawType(ReadNumberRawType(reader))!;
            case TypeTag.Text: return TextDataViewType.Instance;
            case TypeTag.Boolean: return BooleanDataViewType.Instance;
            case TypeTag.DateTime: return DateTimeDataViewType.Instance;
            case TypeTag.DateTimeOffset: return DateTimeOffsetDataViewType.Instance;
            case TypeTag.TimeSpan: return TimeSpanDataViewType.Instance;
            case TypeTag.RowId: return RowIdDataViewType.Instance;
            case TypeTag.Key:
                var raw = ReadNumberRawType(reader);
                return new KeyDataViewType(raw, reader.ReadUInt64());
            case TypeTag.Vector:
                if (reader.ReadDataViewType() is not PrimitiveDataViewType item)
                    throw new InvalidDataException("A vector's item type must be primitive.");
                var dims = reader.ReadIntArray();
                return dims.Length == 0 ? new VectorDataViewType(item) : new VectorDataViewType(item, dims);
            default:
                throw new InvalidDataException($"Unknown column type tag {(byte)tag}.");
        }
    }

    /// <summary>Writes every annotation (kind, type, nested annotations, value).</summary>
    public static void WriteAnnotations(this BinaryWriter writer, DataViewSchema.Annotations annotations)
    {
        var visible = annotations.Schema.Where(c => !c.IsHidden).ToArray();
        writer.Write(visible.Length);
        foreach (var column in visible)
        {
            writer.Write(column.Name);
            writer.WriteDataViewType(column.Type);
            writer.WriteAnnotations(column.Annotations);
            object value = BoxedValues.Read(column.Type.RawType, annotations.GetRawGetter(column.Index));
            WriteBoxedValue(writer, column.Type, value);
        }
    }

    public static DataViewSchema.Annotations ReadAnnotations(this BinaryReader reader)
    {
        int count = ReadCount(reader);
        if (count == 0)
            return DataViewSchema.Annotations.Empty;
        var builder = new DataViewSchema.Annotations.Builder();
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            var type = reader.ReadDataViewType();
            var nested = reader.ReadAnnotations();
            object value = ReadBoxedValue(reader, type);
            builder.Add(name, type, BoxedValues.ConstantGetter(type, value), nested);
        }
        return builder.ToAnnotations();
    }

    /// <summary>Writes the columns (name, type, annotations) of <paramref name="schema"/>, hidden ones included.</summary>
    public static void WriteSchema(this BinaryWriter writer, DataViewSchema schema)
    {
        writer.Write(schema.Count);
        foreach (var column in schema)
        {
            writer.Write(column.Name);
            writer.WriteDataViewType(column.Type);
            writer.WriteAnnotations(column.Annotations);
        }
    }

    public static DataViewSchema ReadSchema(this BinaryReader reader)
    {
        int count = ReadCount(reader);
        var builder = new DataViewSchema.Builder();
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            var type = reader.ReadDataViewType();
            builder.AddColumn(name, type, reader.ReadAnnotations());
        }
        return builder.ToSchema();
    }

    private static void WriteBoxedValue(BinaryWriter writer, DataViewType type, object value)
    {
        if (type is VectorDataViewType vector)
            WriteVectorMethod.MakeGenericMethod(vector.ItemType.RawType).Invoke(null, new[] { writer, value });
        else
            WriteScalar(writer, value);
    }

    private static object ReadBoxedValue(BinaryReader reader, DataViewType type) =>
        type is VectorDataViewType vector
            ? ReadVectorMethod.MakeGenericMethod(vector.ItemType.RawType).Invoke(null, new object[] { reader, vector.ItemType })!
            : ReadScalar(reader, type);

    private static void WriteVector<T>(BinaryWriter writer, object boxed)
    {
        var vector = (VBuffer<T>)boxed;
        writer.Write(vector.Length);
        writer.WriteIntArray(vector.GetIndices());
        var values = vector.GetValues();
        writer.Write(values.Length);
        foreach (var v in values)
            WriteScalar(writer, v!);
    }

    private static object ReadVector<T>(BinaryReader reader, PrimitiveDataViewType itemType)
    {
        int length = ReadCount(reader);
        var indices = reader.ReadIntArray();
        var values = new T[ReadCount(reader)];
        for (int i = 0; i < values.Length; i++)
            values[i] = (T)ReadScalar(reader, itemType);
        return indices.Length == 0 && values.Length == length
            ? new VBuffer<T>(length, values)
            : new VBuffer<T>(length, values.Length, values, indices);
    }

    private static void WriteScalar(BinaryWriter writer, object value)
    {
        switch (value)
        {
            case sbyte v: writer.Write(v); break;
            case byte v: writer.Write(v); break;
            case short v: writer.Write(v); break;
            case ushort v: writer.Write(v); break;
            case int v: writer.Write(v); break;
            case uint v: writer.Write(v); break;
            case long v: writer.Write(v); break;
            case ulong v: writer.Write(v); break;
            case float v: writer.Write(v); break;
            case double v: writer.Write(v); break;
            case bool v: writer.Write(v); break;
            case ReadOnlyMemory<char> v: writer.Write(v.ToString()); break;
            case DateTime v: writer.Write(v.ToBinary()); break;
            case DateTimeOffset v:
                writer.Write(v.Ticks);
                writer.Write(v.Offset.Ticks);
                break;
            case TimeSpan v: writer.Write(v.Ticks); break;
            case DataViewRowId v:
                writer.Write(v.Low);
                writer.Write(v.High);
                break;
            default: throw new NotSupportedException($"Values of type {value.GetType().Name} cannot be saved in a model file.");
        }
    }

    private static object ReadScalar(BinaryReader reader, DataViewType type)
    {
        var raw = type.RawType;
        if (raw == typeof(sbyte)) return reader.ReadSByte();
        if (raw == typeof(byte)) return reader.ReadByte();
        if (raw == typeof(short)) return reader.ReadInt16();
        if (raw == typeof(ushort)) return reader.ReadUInt16();
        if (raw == typeof(int)) return reader.ReadInt32();
        if (raw == typeof(uint)) return reader.ReadUInt32();
        if (raw == typeof(long)) return reader.ReadInt64();
        if (raw == typeof(ulong)) return reader.ReadUInt64();
        if (raw == typeof(float)) return reader.ReadSingle();
        if (raw == typeof(double)) return reader.ReadDouble();
        if (raw == typeof(bool)) return reader.ReadBoolean();
        if (raw == typeof(ReadOnlyMemory<char>)) return reader.ReadString().AsMemory();
        if (raw == typeof(DateTime)) return DateTime.FromBinary(reader.ReadInt64());
        if (raw == typeof(DateTimeOffset)) return new DateTimeOffset(reader.ReadInt64(), new TimeSpan(reader.ReadInt64()));
        if (raw == typeof(TimeSpan)) return new TimeSpan(reader.ReadInt64());
        if (raw == typeof(DataViewRowId)) return new DataViewRowId(reader.ReadUInt64(), reader.ReadUInt64());
        throw new InvalidDataException($"Values of type {type} cannot be read from a model file.");
    }

    private static Type ReadNumberRawType(BinaryReader reader)
    {
        int code = reader.ReadByte();
        return code < NumberRawTypes.Length ? NumberRawTypes[code] : throw new InvalidDataException($"Unknown number type code {code}.");
    }

    private static int ReadCount(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException($"Invalid negative count {count}.");
    }
}
