using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Neural.Checkpoints;

/// <summary>The element types a checkpoint may store; all are converted to float32 on load
/// (integer buffers such as <c>position_ids</c> included, so a state dict is one uniform map).</summary>
internal enum ElementType { Float32, Float16, BFloat16, Float64, Int64, Int32 }

internal static class ElementTypes
{
    public static int Size(ElementType type) => type switch
    {
        ElementType.Float16 or ElementType.BFloat16 => 2,
        ElementType.Float32 or ElementType.Int32 => 4,
        _ => 8,
    };

    /// <summary>Converts little-endian elements of <paramref name="type"/> from <paramref name="source"/>
    /// into <paramref name="destination"/> (one float per element).</summary>
    public static void ToFloat(ElementType type, ReadOnlySpan<byte> source, Span<float> destination)
    {
        int n = destination.Length;
        switch (type)
        {
            case ElementType.Float32 when BitConverter.IsLittleEndian:
                source[..(n * 4)].CopyTo(MemoryMarshal.AsBytes(destination));
                break;
            case ElementType.Float32:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]);
                break;
            case ElementType.Float16:
                for (int i = 0; i < n; i++) destination[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(source[(2 * i)..]);
                break;
            case ElementType.BFloat16:
                // bfloat16 is the upper half of a float32's bit pattern.
                for (int i = 0; i < n; i++)
                    destination[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(source[(2 * i)..]) << 16);
                break;
            case ElementType.Float64:
                for (int i = 0; i < n; i++) destination[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(source[(8 * i)..]);
                break;
            case ElementType.Int64:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt64LittleEndian(source[(8 * i)..]);
                break;
            case ElementType.Int32:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(4 * i)..]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }
}
