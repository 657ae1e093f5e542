using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Datasets;

/// <summary>
/// Reader for IDX files of unsigned bytes (the MNIST container format): a 4-byte magic number
/// <c>00 00 08 nd</c> (type 0x08 = unsigned byte, nd = number of dimensions), nd big-endian
/// 32-bit sizes, then the data. Files whose name ends in <c>.gz</c> are gunzipped on the fly.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads a whole IDX file whose header must declare <paramref name="dimensionCount"/>
    /// dimensions. Throws <see cref="InvalidDataException"/> naming the file when the magic number is
    /// wrong, a size is not positive, the data is shorter or longer than the header says, or the
    /// gzip stream is corrupt.</summary>
    public static byte[] Read(string path, int dimensionCount, out int[] dimensions)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;

        Span<byte> magic = stackalloc byte[4];
        ReadFully(stream, magic, path, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || magic[3] != dimensionCount)
        {
            throw new InvalidDataException(
                $"'{path}': wrong IDX magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(magic):X8}; expected " +
                $"0x{(UnsignedByteType << 8) | dimensionCount:X8} (unsigned bytes, {dimensionCount} dimensions).");
        }

        Span<byte> sizeBytes = stackalloc byte[4 * dimensionCount];
        ReadFully(stream, sizeBytes, path, $"the {dimensionCount} dimension sizes");
        dimensions = new int[dimensionCount];
        long total = 1;
        for (int d = 0; d < dimensionCount; d++)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(sizeBytes.Slice(4 * d, 4));
            if (size <= 0)
                throw new InvalidDataException($"'{path}': dimension {d} of the IDX header is {size}; sizes must be positive.");
            dimensions[d] = size;
            total *= size;
            if (total > Array.MaxLength)
                throw new InvalidDataException($"'{path}': the IDX header declares more than {Array.MaxLength} bytes of data.");
        }

        var data = new byte[total];
        ReadFully(stream, data, path, $"the {total} data bytes the header declares");
        if (ReadByteOrEnd(stream, path) >= 0)
            throw new InvalidDataException($"'{path}': the file holds more than the {total} data bytes its IDX header declares.");
        return data;
    }

    private static void ReadFully(Stream stream, Span<byte> buffer, string path, string what)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = ReadWithPath(stream, buffer[done..], path);
            if (n == 0)
                throw new InvalidDataException($"'{path}': the file ends after {done} of {buffer.Length} bytes of {what} (truncated file?).");
            done += n;
        }
    }

    private static int ReadByteOrEnd(Stream stream, string path)
    {
        Span<byte> one = stackalloc byte[1];
        return ReadWithPath(stream, one, path) == 0 ? -1 : one[0];
    }

    // GZipStream reports corrupt or truncated input with an InvalidDataException that does not name the file.
    private static int ReadWithPath(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}': corrupt or truncated gzip data ({e.Message}).", e);
        }
    }
}
