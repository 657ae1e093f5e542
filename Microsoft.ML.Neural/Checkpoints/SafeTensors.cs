using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Neural.Checkpoints;

/// <summary>Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON
/// header mapping each tensor name to its dtype, shape and byte range, then the raw little-endian data.
/// F32, F16, BF16, F64, I64 and I32 tensors are read (converted to float); files are written as F32.</summary>
public static class SafeTensors
{
    // A header larger than this is not a real checkpoint header but a corrupt length field.
    private const long MaxHeaderBytes = 100L << 20;
    private const string MetadataKey = "__metadata__";

    /// <summary>Loads every tensor of a safetensors file, in header order. The file is memory-mapped,
    /// so only the tensors' own bytes are touched. Throws <see cref="CheckpointException"/> naming the
    /// file and tensor for a truncated or corrupt file or an unsupported dtype.</summary>
    public static IReadOnlyDictionary<string, TensorData> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"Safetensors file not found: {path}", path);
        long fileLength = info.Length;
        if (fileLength < 8) throw new CheckpointException(path, null, $"truncated: {fileLength} bytes, shorter than the 8-byte header length.");

        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        unsafe
        {
            byte* basePtr = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePtr);
            try
            {
                basePtr += view.PointerOffset;
                ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(basePtr, 8));
                if (headerLength > (ulong)MaxHeaderBytes)
                    throw new CheckpointException(path, null, $"corrupt: header length {headerLength} is implausibly large.");
                if (8 + (long)headerLength > fileLength)
                    throw new CheckpointException(path, null, $"truncated: header needs {headerLength} bytes but the file has {fileLength - 8} after the length field.");

                var header = new ReadOnlySpan<byte>(basePtr + 8, (int)headerLength);
                long dataStart = 8 + (long)headerLength;
                var entries = ParseHeader(path, header, fileLength - dataStart);
                var result = new Dictionary<string, TensorData>(entries.Count, StringComparer.Ordinal);
                foreach (var e in entries)
                {
                    var values = new float[TensorData.ElementCount(e.Shape)];
                    Convert(e.Type, basePtr + dataStart + e.Begin, values);
                    result.Add(e.Name, new TensorData(e.Shape, values));
                }
                return result;
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }
    }

    /// <summary>Writes <paramref name="tensors"/> as F32 safetensors, in ordinal name order. The file is
    /// written beside its destination under a temporary name and then moved into place, so a failure
    /// never leaves a half-written checkpoint.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, TensorData> tensors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var t = tensors[name];
            if (name == MetadataKey) throw new ArgumentException($"'{MetadataKey}' is reserved and cannot name a tensor.", nameof(tensors));
            if (TensorData.ElementCount(t.Shape) != t.Values.Length)
                throw new ArgumentException($"Tensor '{name}' has shape {t.ShapeText} but {t.Values.Length} values.", nameof(tensors));
        }

        byte[] header = BuildHeader(names, tensors);
        string fullPath = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                foreach (var name in names) WriteFloats(stream, tensors[name].Values);
            }
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private readonly record struct Entry(string Name, ElementType Type, int[] Shape, long Begin);

    private static List<Entry> ParseHeader(string path, ReadOnlySpan<byte> header, long dataLength)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException ex)
        {
            throw new CheckpointException(path, null, $"corrupt header: {ex.Message}", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new CheckpointException(path, null, "corrupt header: the JSON header is not an object.");
            var entries = new List<Entry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == MetadataKey) continue;
                if (!seen.Add(prop.Name)) throw new CheckpointException(path, prop.Name, "appears twice in the header.");
                entries.Add(ParseEntry(path, prop.Name, prop.Value, dataLength));
            }
            return entries;
        }
    }

    private static Entry ParseEntry(string path, string name, JsonElement e, long dataLength)
    {
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("dtype", out var dtypeEl) || dtypeEl.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("shape", out var shapeEl) || shapeEl.ValueKind != JsonValueKind.Array
            || !e.TryGetProperty("data_offsets", out var offEl) || offEl.ValueKind != JsonValueKind.Array || offEl.GetArrayLength() != 2)
            throw new CheckpointException(path, name, "corrupt header entry: expected {\"dtype\", \"shape\", \"data_offsets\": [begin, end]}.");

        string dtype = dtypeEl.GetString()!;
        ElementType type = dtype switch
        {
            "F32" => ElementType.Float32,
            "F16" => ElementType.Float16,
            "BF16" => ElementType.BFloat16,
            "F64" => ElementType.Float64,
            "I64" => ElementType.Int64,
            "I32" => ElementType.Int32,
            _ => throw new CheckpointException(path, name, $"unsupported dtype '{dtype}' (F32, F16, BF16, F64, I64 and I32 are read)."),
        };

        var shape = new int[shapeEl.GetArrayLength()];
        int i = 0;
        foreach (var d in shapeEl.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out int dim) || dim < 0)
                throw new CheckpointException(path, name, $"corrupt shape {shapeEl.GetRawText()}.");
            shape[i++] = dim;
        }

        long begin = offEl[0].TryGetInt64(out long b) ? b : -1, end = offEl[1].TryGetInt64(out long en) ? en : -1;
        if (begin < 0 || end < begin) throw new CheckpointException(path, name, $"corrupt data_offsets {offEl.GetRawText()}.");
        long count;
        try { count = TensorData.ElementCount(shape); }
        catch (ArgumentException ex) { throw new CheckpointException(path, name, ex.Message, ex); }
        if (end - begin != count * ElementTypes.Size(type))
            throw new CheckpointException(path, name, $"data_offsets {offEl.GetRawText()} span {end - begin} bytes but shape {TensorData.FormatShape(shape)} of {dtype} needs {count * ElementTypes.Size(type)}.");
        if (end > dataLength)
            throw new CheckpointException(path, name, $"truncated: its data ends at byte {end} of the data section but the file holds only {dataLength}.");
        return new Entry(name, type, shape, begin);
    }

    private static unsafe void Convert(ElementType type, byte* source, float[] destination)
    {
        // Spans are limited to int.MaxValue bytes, so very large tensors are converted in chunks.
        const int chunk = 1 << 28;
        int size = ElementTypes.Size(type);
        for (int start = 0; start < destination.Length; start += chunk)
        {
            int n = Math.Min(chunk, destination.Length - start);
            ElementTypes.ToFloat(type, new ReadOnlySpan<byte>(source + (long)start * size, n * size), destination.AsSpan(start, n));
        }
    }

    private static byte[] BuildHeader(List<string> names, IReadOnlyDictionary<string, TensorData> tensors)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject(MetadataKey);
            w.WriteString("format", "pt");
            w.WriteEndObject();
            long offset = 0;
            foreach (var name in names)
            {
                var t = tensors[name];
                w.WriteStartObject(name);
                w.WriteString("dtype", "F32");
                w.WriteStartArray("shape");
                foreach (int d in t.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                offset += 4L * t.Values.Length;
                w.WriteNumberValue(offset);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        // Pad with spaces so the data section starts 8-byte aligned, as the format recommends.
        int padding = (int)((8 - buffer.Length % 8) % 8);
        for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static void WriteFloats(Stream stream, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        Span<byte> four = stackalloc byte[4];
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, v);
            stream.Write(four);
        }
    }
}
