using Microsoft.ML.Neural.Checkpoints;

namespace Microsoft.ML.Neural.Bert;

/// <summary>What loading a checkpoint into a model did, by parameter name.</summary>
public sealed record BertLoadReport(string Source, IReadOnlyList<string> Loaded, IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected, IReadOnlyList<string> Ignored);

/// <summary>Loads and saves <see cref="BertModel"/> weights in the Hugging Face layouts: a folder with
/// config.json and model.safetensors or pytorch_model.bin. Keys may carry the "bert." prefix and the
/// early LayerNorm.gamma/beta names; pre-training heads (cls.*) and the position_ids buffer are ignored.</summary>
public static class BertCheckpoint
{
    public const string ConfigFile = "config.json";
    public const string SafetensorsFile = "model.safetensors";
    public const string PyTorchFile = "pytorch_model.bin";

    /// <summary>Builds the model described by <paramref name="folder"/>/config.json and loads its weights,
    /// preferring model.safetensors over pytorch_model.bin. Every parameter must be present, with the
    /// configured shape; otherwise a <see cref="CheckpointException"/> names the file and tensors.
    /// <paramref name="dropoutSeed"/> seeds the model's dropout generator.</summary>
    public static BertModel LoadFolder(string folder, ulong dropoutSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"BERT checkpoint folder not found: {folder}");
        string configPath = Path.Combine(folder, ConfigFile);
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{folder} has no {ConfigFile}.", configPath);
        var model = new BertModel(BertConfig.FromJsonFile(configPath)) { DropoutGenerator = new Generator(dropoutSeed) };
        LoadWeights(model, WeightsFile(folder), strict: true);
        return model;
    }

    /// <summary>The weights file of a Hugging Face folder: model.safetensors, else pytorch_model.bin.</summary>
    public static string WeightsFile(string folder)
    {
        foreach (string name in new[] { SafetensorsFile, PyTorchFile })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{folder} has neither {SafetensorsFile} nor {PyTorchFile}.", Path.Combine(folder, SafetensorsFile));
    }

    /// <summary>Reads a state dict from a .safetensors file or (any other name) a PyTorch zip checkpoint.</summary>
    public static IReadOnlyDictionary<string, TensorData> ReadStateDict(string path) =>
        path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? SafeTensors.Load(path) : PyTorchCheckpoint.Load(path);

    /// <summary>Loads the weights in <paramref name="path"/> into <paramref name="model"/>.</summary>
    public static BertLoadReport LoadWeights(BertModel model, string path, bool strict = true) =>
        LoadWeights(model, ReadStateDict(path), path, strict);

    /// <summary>Copies the tensors of a state dict into the model's parameters. A tensor whose shape
    /// differs from the configured one always throws; missing or unexpected keys throw when
    /// <paramref name="strict"/>, and are listed in the report otherwise.</summary>
    public static BertLoadReport LoadWeights(BertModel model, IReadOnlyDictionary<string, TensorData> stateDict, string source, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stateDict);
        var table = model.Parameters;
        var loaded = new List<string>();
        var unexpected = new List<string>();
        var ignored = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, tensor) in stateDict)
        {
            string? name = CanonicalName(key);
            if (name is null) { ignored.Add(key); continue; }
            if (!table.TryGet(name, out var slice)) { unexpected.Add(key); continue; }
            if (!seen.TryAdd(name, key))
                throw new CheckpointException(source, key, $"is the same parameter as '{seen[name]}'.");
            if (!tensor.Shape.SequenceEqual(slice.Shape))
                throw new CheckpointException(source, key,
                    $"has shape {tensor.ShapeText} but the configuration (hidden_size {model.Config.HiddenSize}, intermediate_size {model.Config.IntermediateSize}, " +
                    $"vocab_size {model.Config.VocabSize}, max_position_embeddings {model.Config.MaxPositionEmbeddings}) needs {TensorData.FormatShape(slice.Shape)}.");
            tensor.Values.CopyTo(slice.Of(table.Values));
            loaded.Add(name);
        }
        var missing = table.Slices.Select(s => s.Name).Where(n => !seen.ContainsKey(n)).ToList();
        if (strict && missing.Count > 0)
            throw new CheckpointException(source, missing[0], $"missing from the checkpoint ({missing.Count} parameter(s) missing: {string.Join(", ", missing)}).");
        if (strict && unexpected.Count > 0)
            throw new CheckpointException(source, unexpected[0], $"is not a parameter of this model ({unexpected.Count} unexpected: {string.Join(", ", unexpected)}).");
        return new BertLoadReport(source, loaded, missing, unexpected, ignored);
    }

    /// <summary>Writes the model's parameters as safetensors under transformers' names (prefixed with
    /// <paramref name="prefix"/>, e.g. "bert." for a task model), through a temporary file.</summary>
    public static void Save(BertModel model, string path, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(model);
        SafeTensors.Save(path, model.Parameters.ToTensors(prefix));
    }

    /// <summary>The model parameter a checkpoint key names: without "bert.", with LayerNorm.gamma/beta
    /// as weight/bias; null for keys a BertModel ignores (cls.* heads, the position_ids buffer).</summary>
    public static string? CanonicalName(string key)
    {
        string name = key.StartsWith("bert.", StringComparison.Ordinal) ? key["bert.".Length..] : key;
        if (name.StartsWith("cls.", StringComparison.Ordinal) || name == "embeddings.position_ids") return null;
        if (name.EndsWith("LayerNorm.gamma", StringComparison.Ordinal)) return name[..^"gamma".Length] + "weight";
        if (name.EndsWith("LayerNorm.beta", StringComparison.Ordinal)) return name[..^"beta".Length] + "bias";
        return name;
    }
}
