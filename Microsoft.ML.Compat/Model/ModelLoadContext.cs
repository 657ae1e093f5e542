using System.IO.Compression;
using System.Text;

namespace Microsoft.ML;

/// <summary>
/// What a component's static <c>Load</c> receives: a reader over the bytes its <c>Save</c> wrote, the context,
/// and access to nested components. Malformed content should be reported through <see cref="Error"/>, which
/// names the model file and entry.
/// </summary>
public sealed class ModelLoadContext
{
    private readonly ZipArchive _zip;
    private readonly string _directory;

    private ModelLoadContext(ZipArchive zip, string directory, string source, MLContext context, BinaryReader reader)
    {
        _zip = zip;
        _directory = directory;
        Source = source;
        Context = context;
        Reader = reader;
    }

    /// <summary>Reads the component's parameters, in the order they were written.</summary>
    public BinaryReader Reader { get; }

    /// <summary>The context the model is loaded into (for logging, random numbers, device settings).</summary>
    public MLContext Context { get; }

    /// <summary>The model file's path, or "&lt;stream&gt;".</summary>
    public string Source { get; }

    /// <summary>Reads the version written by <see cref="ModelSaveContext.WriteVersion"/>; throws when it is newer than this code reads.</summary>
    public int ReadVersion(int newestSupported)
    {
        int version = Reader.ReadInt32();
        if (version <= 0)
            throw Error($"invalid component version {version}");
        if (version > newestSupported)
            throw Error($"component version {version} is newer than this build supports ({newestSupported}); upgrade the library to load it");
        return version;
    }

    /// <summary>True when a nested component called <paramref name="name"/> was saved.</summary>
    public bool ContainsModel(string name) => _zip.GetEntry(_directory + name + "/" + ModelSaveContext.TypeEntry) is not null;

    /// <summary>Loads the nested component saved with <see cref="ModelSaveContext.SaveModel"/>.</summary>
    public T LoadModel<T>(string name) where T : class
    {
        var loaded = Load(_zip, _directory + name + "/", Source, Context);
        return loaded as T ?? throw Error($"nested model '{name}' is a {loaded.GetType().Name}, expected {typeof(T).Name}");
    }

    /// <summary>An exception for malformed content, naming the file and entry.</summary>
    public InvalidDataException Error(string message) => new($"Model file '{Source}', entry '{_directory}': {message}.");

    /// <summary>Recreates the component stored in <paramref name="directory"/> (ending in '/').</summary>
    internal static object Load(ZipArchive zip, string directory, string source, MLContext context)
    {
        string typeName = ReadText(zip, directory + ModelSaveContext.TypeEntry, source);
        byte[] data = ReadBytes(zip, directory + ModelSaveContext.DataEntry, source);
        var type = ModelTypeResolver.Resolve(typeName, source, directory);
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        var ctx = new ModelLoadContext(zip, directory, source, context, reader);
        try
        {
            return ModelTypeResolver.InvokeLoad(type, ctx);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Model file '{source}', entry '{directory}': the data of {type.Name} is truncated.", e);
        }
    }

    internal static byte[] ReadBytes(ZipArchive zip, string entryName, string source)
    {
        var entry = zip.GetEntry(entryName)
            ?? throw new InvalidDataException($"Model file '{source}' is missing the entry '{entryName}'.");
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Model file '{source}' is corrupt: entry '{entryName}' cannot be read ({e.Message}).", e);
        }
    }

    internal static string ReadText(ZipArchive zip, string entryName, string source) =>
        Encoding.UTF8.GetString(ReadBytes(zip, entryName, source));
}
