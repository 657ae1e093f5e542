using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Datasets.Tests;

/// <summary>Small IDX files for tests.</summary>
internal static class IdxTestFiles
{
    /// <summary>An image file of <paramref name="count"/> 28×28 images: the first pixel of the first image is
    /// <paramref name="first"/>, the last pixel of the last image is <paramref name="second"/>, the rest 0.</summary>
    public static byte[] Images(int count, byte first, byte second)
    {
        var bytes = new byte[16 + count * 784];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 28);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), 28);
        bytes[16] = first;
        bytes[^1] = second;
        return bytes;
    }

    public static byte[] Labels(params byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static void Write(string path, byte[] content) => File.WriteAllBytes(path, content);

    public static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(content);
    }
}
