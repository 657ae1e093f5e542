using System.IO.Compression;

namespace Microsoft.ML.Neural.Checkpoints;

/// <summary>Reads a state dict saved by <c>torch.save</c> (the zip format of PyTorch 1.6 and later,
/// e.g. Hugging Face <c>pytorch_model.bin</c>): <c>&lt;name&gt;/data.pkl</c> holds the pickled dict and
/// <c>&lt;name&gt;/data/&lt;key&gt;</c> the raw little-endian storages. Only what a state dict uses is
/// interpreted (see <see cref="StateDictUnpickler"/>); tensors honour storage offsets and strides.</summary>
public static class PyTorchCheckpoint
{
    /// <summary>Loads every tensor of the state dict in <paramref name="path"/>, in pickle order,
    /// converted to float32. Throws <see cref="CheckpointException"/> naming the file and tensor.</summary>
    public static IReadOnlyDictionary<string, TensorData> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch checkpoint not found: {path}", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> magic = stackalloc byte[2];
        int read = stream.Read(magic);
        if (read == 2 && magic[0] == 0x80)
            throw new CheckpointException(path, null, "a legacy (pre-1.6, non-zip) torch.save file; re-save it with a current PyTorch.");
        if (read < 2 || magic[0] != (byte)'P' || magic[1] != (byte)'K')
            throw new CheckpointException(path, null, "not a PyTorch zip checkpoint (no zip signature at the start).");
        stream.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(path, null, $"corrupt or truncated zip archive ({ex.Message})", ex);
        }
        using (zip)
        {
            string prefix = ArchivePrefix(path, zip);
            var byteOrder = zip.GetEntry(prefix + "byteorder");
            if (byteOrder is not null && ReadEntry(path, null, byteOrder).AsSpan().SequenceEqual("big"u8))
                throw new CheckpointException(path, null, "big-endian checkpoints are not supported.");

            object? root = StateDictUnpickler.Run(path, ReadEntry(path, null, zip.GetEntry(prefix + "data.pkl")!));
            if (root is not PickleDict dict)
                throw new CheckpointException(path, null, $"the pickle holds a {root?.GetType().Name ?? "None"}, not a state dict (a dict of tensors).");

            var storages = new Dictionary<string, float[]>(StringComparer.Ordinal);
            var result = new Dictionary<string, TensorData>(dict.Items.Count, StringComparer.Ordinal);
            foreach (var (keyObject, value) in dict.Items)
            {
                if (keyObject is not string key) throw new CheckpointException(path, null, $"state-dict key {keyObject} is not a string.");
                if (value is not TensorRef tensor) throw new CheckpointException(path, key, $"value is a {value?.GetType().Name ?? "None"}, not a tensor.");
                if (!result.TryAdd(key, Materialize(path, key, tensor, zip, prefix, storages)))
                    throw new CheckpointException(path, key, "appears twice in the state dict.");
            }
            return result;
        }
    }

    private static string ArchivePrefix(string path, ZipArchive zip)
    {
        var pickles = zip.Entries.Where(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal)
                                             && e.FullName.Count(c => c == '/') == 1).ToList();
        if (pickles.Count != 1)
            throw new CheckpointException(path, null, $"expected one '<name>/data.pkl' in the archive, found {pickles.Count}.");
        return pickles[0].FullName[..^"data.pkl".Length];
    }

    private static TensorData Materialize(string path, string name, TensorRef t, ZipArchive zip, string prefix, Dictionary<string, float[]> storages)
    {
        var s = t.Storage;
        if (!storages.TryGetValue(s.Key, out var values))
        {
            var entry = zip.GetEntry($"{prefix}data/{s.Key}")
                ?? throw new CheckpointException(path, name, $"its storage 'data/{s.Key}' is missing from the archive.");
            long needed = s.Count * ElementTypes.Size(s.Type);
            if (entry.Length != needed)
                throw new CheckpointException(path, name, $"storage 'data/{s.Key}' holds {entry.Length} bytes but {s.Count} {s.Type} elements need {needed} (truncated or corrupt).");
            var bytes = ReadEntry(path, name, entry);
            values = new float[s.Count];
            ElementTypes.ToFloat(s.Type, bytes, values);
            storages[s.Key] = values;
        }

        int count = TensorData.ElementCount(t.Shape);
        var result = new float[count];
        if (count == 0) return new TensorData(t.Shape, result);
        long last = t.Offset;
        for (int d = 0; d < t.Shape.Length; d++) last += (t.Shape[d] - 1) * t.Stride[d];
        if (t.Offset < 0 || last >= values.Length)
            throw new CheckpointException(path, name, $"shape {TensorData.FormatShape(t.Shape)} at offset {t.Offset} with strides ({string.Join(", ", t.Stride)}) reaches element {last} of a storage of {values.Length}.");
        Gather(values, t, result);
        return new TensorData(t.Shape, result);
    }

    /// <summary>Copies the strided view <paramref name="t"/> of <paramref name="storage"/> into row-major order.</summary>
    private static void Gather(float[] storage, TensorRef t, float[] result)
    {
        int rank = t.Shape.Length;
        // Contiguous (the usual case): one block copy.
        long expected = 1;
        bool contiguous = true;
        for (int d = rank - 1; d >= 0; d--)
        {
            if (t.Shape[d] != 1 && t.Stride[d] != expected) contiguous = false;
            expected *= t.Shape[d];
        }
        if (contiguous)
        {
            Array.Copy(storage, t.Offset, result, 0, result.Length);
            return;
        }
        // General case: walk a multi-index like an odometer, innermost dimension fastest.
        var index = new int[rank];
        long source = t.Offset;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = storage[source];
            for (int d = rank - 1; d >= 0; d--)
            {
                source += t.Stride[d];
                if (++index[d] < t.Shape[d]) break;
                source -= t.Stride[d] * t.Shape[d];
                index[d] = 0;
            }
        }
    }

    private static byte[] ReadEntry(string path, string? tensor, ZipArchiveEntry entry)
    {
        try
        {
            var bytes = new byte[entry.Length];
            using var s = entry.Open();
            s.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new CheckpointException(path, tensor, $"archive entry '{entry.FullName}' cannot be read: {ex.Message}", ex);
        }
    }
}
