using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Model</c>: saving and loading models, and prediction engines.
/// </summary>
/// <remarks>
/// A model file is a zip holding: "FormatVersion" (the file format version, text), "InputSchema.bin" (the input
/// schema: column names, types and annotations) and "Model/" (the transformer; see <see cref="ILoadableModel{TSelf}"/>:
/// each component folder holds its assembly-qualified type name and the bytes its Save wrote, with nested components
/// in sub-folders). Files written by a newer format version are refused with a message naming the file.
/// </remarks>
public sealed partial class ModelOperationsCatalog : CatalogBase
{
    /// <summary>The model file format this build writes and the newest it reads.</summary>
    public const int FormatVersion = 1;

    private const string FormatVersionEntry = "FormatVersion";
    private const string InputSchemaEntry = "InputSchema.bin";
    private const string ModelDirectory = "Model/";
    private const string StreamSource = "<stream>";

    internal ModelOperationsCatalog(MLContext context) : base(context) { }

    /// <summary>Saves <paramref name="model"/> and the schema of the data it expects to <paramref name="filePath"/>.
    /// The file is written to a temporary name first and moved into place, so a failure leaves no partial file.</summary>
    public void Save(ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        string fullPath = Path.GetFullPath(filePath);
        string tempPath = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write))
                Save(model, inputSchema, stream);
            File.Move(tempPath, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(tempPath))
                File.Delete(tempPath);
        }
    }

    /// <summary>Saves <paramref name="model"/> and its input schema to <paramref name="stream"/> (left open).</summary>
    public void Save(ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        ModelSaveContext.WriteEntry(zip, FormatVersionEntry, Encoding.UTF8.GetBytes(FormatVersion.ToString(CultureInfo.InvariantCulture)));
        using (var schemaBytes = new MemoryStream())
        {
            using (var writer = new BinaryWriter(schemaBytes, Encoding.UTF8, leaveOpen: true))
                writer.WriteSchema(inputSchema);
            ModelSaveContext.WriteEntry(zip, InputSchemaEntry, schemaBytes.ToArray());
        }
        ModelSaveContext.Save(zip, ModelDirectory, model);
    }

    /// <summary>Loads a model saved by <see cref="Save(ITransformer, DataViewSchema, string)"/>.</summary>
    public ITransformer Load(string filePath, out DataViewSchema inputSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        if (!File.Exists(filePath))
            throw new FileNotFoundException($"Model file '{filePath}' not found.", filePath);
        using var stream = File.OpenRead(filePath);
        return Load(stream, filePath, out inputSchema);
    }

    /// <summary>Loads a model from <paramref name="stream"/>.</summary>
    public ITransformer Load(Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(stream, StreamSource, out inputSchema);
    }

    private ITransformer Load(Stream stream, string source, out DataViewSchema inputSchema)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Model file '{source}' is not a valid model (corrupt or not a zip): {e.Message}", e);
        }
        using (zip)
        {
            try
            {
                CheckFormatVersion(zip, source);
                var schemaBytes = ModelLoadContext.ReadBytes(zip, InputSchemaEntry, source);
                using (var reader = new BinaryReader(new MemoryStream(schemaBytes), Encoding.UTF8))
                    inputSchema = reader.ReadSchema();
                var model = ModelLoadContext.Load(zip, ModelDirectory, source, Context);
                return model as ITransformer
                    ?? throw new InvalidDataException($"Model file '{source}' holds a {model.GetType().Name}, which is not a transformer.");
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"Model file '{source}' is corrupt: {e.Message}", e);
            }
        }
    }

    private static void CheckFormatVersion(ZipArchive zip, string source)
    {
        string text = ModelLoadContext.ReadText(zip, FormatVersionEntry, source).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version <= 0)
            throw new InvalidDataException($"Model file '{source}' has an invalid format version '{text}'.");
        if (version > FormatVersion)
            throw new InvalidDataException(
                $"Model file '{source}' has format version {version}, newer than this build supports ({FormatVersion}); upgrade the library to load it.");
    }
}
