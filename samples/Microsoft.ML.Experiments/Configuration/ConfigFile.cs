using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Microsoft.ML.Experiments.Configuration;

/// <summary>Reads a YAML config into dotted leaf entries: <c>bpsom: {som_grid_size: 20}</c> becomes <c>bpsom.som_grid_size</c> = "20".
/// Sequences of scalars become comma-separated text, the form list flags take.</summary>
public static class ConfigFile
{
    public static IReadOnlyList<ConfigEntry> Read(string path)
    {
        if (!File.Exists(path))
            throw new UsageException($"--config: the file '{path}' does not exist.");
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new UsageException($"{path}, line {e.Start.Line}, column {e.Start.Column}: not valid YAML: {e.Message}", e);
        }
        var entries = new List<ConfigEntry>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return entries;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new UsageException($"{path}, line {stream.Documents[0].RootNode.Start.Line}: a config file must be a mapping of keys to values.");
        Flatten(root, prefix: "", path, entries);
        return entries;
    }

    private static void Flatten(YamlMappingNode mapping, string prefix, string file, List<ConfigEntry> entries)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            string key = prefix + ((YamlScalarNode)keyNode).Value;
            switch (value)
            {
                case YamlMappingNode nested:
                    Flatten(nested, key + ".", file, entries);
                    break;
                case YamlSequenceNode sequence:
                    var items = sequence.Children.Select(item => item is YamlScalarNode scalar
                        ? scalar.Value ?? string.Empty
                        : throw new UsageException($"{file}, line {item.Start.Line}: '{key}' may hold only a list of plain values.")).ToArray();
                    entries.Add(Entry(key, string.Join(',', items), file, keyNode));
                    break;
                case YamlScalarNode scalar:
                    entries.Add(Entry(key, scalar.Value ?? string.Empty, file, keyNode));
                    break;
            }
        }
    }

    private static ConfigEntry Entry(string key, string text, string file, YamlNode keyNode) =>
        new(key, text, file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
}
