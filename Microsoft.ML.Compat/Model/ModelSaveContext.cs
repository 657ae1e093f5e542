using System.IO.Compression;
using System.Text;

namespace Microsoft.ML;

/// <summary>
/// Where a component writes its parameters when a model is saved. Each component gets a folder in the model
/// zip holding its type name ("Type") and the bytes written to <see cref="Writer"/> ("Data.bin"); nested
/// components (e.g. the model inside a prediction transformer) go into sub-folders via <see cref="SaveModel"/>.
/// </summary>
public sealed class ModelSaveContext
{
    internal const string TypeEntry = "Type";
    internal const string DataEntry = "Data.bin";

    private readonly ZipArchive _zip;
    private readonly string _directory;
    private readonly HashSet<string> _children = new(StringComparer.Ordinal);
    private readonly MemoryStream _data = new();

    private ModelSaveContext(ZipArchive zip, string directory)
    {
        _zip = zip;
        _directory = directory;
        Writer = new BinaryWriter(_data, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Writes this component's parameters.</summary>
    public BinaryWriter Writer { get; }

    /// <summary>Writes the component's format version; the loader checks it with <see cref="ModelLoadContext.ReadVersion"/>.</summary>
    public void WriteVersion(int version)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        Writer.Write(version);
    }

    /// <summary>Saves a nested component under <paramref name="name"/>; load it back with <see cref="ModelLoadContext.LoadModel{T}"/>.</summary>
    public void SaveModel(ICanSaveModel model, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/') || name is TypeEntry or DataEntry)
            throw new ArgumentException($"'{name}' cannot name a nested model: it must not contain '/' or be '{TypeEntry}' or '{DataEntry}'.", nameof(name));
        if (!_children.Add(name))
            throw new ArgumentException($"A nested model called '{name}' was already saved in '{_directory}'.", nameof(name));
        Save(_zip, _directory + name + "/", model);
    }

    /// <summary>Saves <paramref name="model"/> into <paramref name="directory"/> (ending in '/') of the zip.</summary>
    internal static void Save(ZipArchive zip, string directory, ICanSaveModel model)
    {
        var type = model.GetType();
        if (!ModelTypeResolver.IsLoadable(type))
            throw new InvalidOperationException(
                $"{type.FullName} cannot be saved: it must implement ILoadableModel<{type.Name}> so that it can be loaded back.");
        var ctx = new ModelSaveContext(zip, directory);
        model.Save(ctx);
        ctx.Writer.Flush();
        WriteEntry(zip, directory + TypeEntry, Encoding.UTF8.GetBytes(type.AssemblyQualifiedName!));
        WriteEntry(zip, directory + DataEntry, ctx._data.ToArray());
    }

    internal static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
