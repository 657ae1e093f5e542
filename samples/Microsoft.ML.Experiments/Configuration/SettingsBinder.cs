using System.CommandLine;

namespace Microsoft.ML.Experiments.Configuration;

/// <summary>Fills a verb's settings: defaults, then the YAML config, then the flags given (flags win). A YAML key no setting
/// knows is an error naming the key, the file and the line.</summary>
public sealed class SettingsBinder(IReadOnlyList<Setting> settings)
{
    private readonly Dictionary<string, Setting> _byYamlKey = settings
        .SelectMany(s => s.YamlKeys.Select(k => (k.Path, s)))
        .ToDictionary(p => p.Path, p => p.s, StringComparer.Ordinal);

    public IReadOnlyList<Setting> Settings { get; } = settings;

    public void ApplyConfig(ExperimentSettings target, IEnumerable<ConfigEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (!_byYamlKey.TryGetValue(entry.Key, out var setting))
                throw new UsageException($"Unknown key '{entry.Key}' in {entry.Location}.");
            var key = setting.YamlKeys.First(k => k.Path == entry.Key);
            string text;
            try
            {
                text = key.Rewrite is null ? entry.Text : key.Rewrite(entry.Text);
            }
            catch (FormatException e)
            {
                throw new UsageException($"'{entry.Key}' in {entry.Location}: {e.Message}", e);
            }
            setting.Apply(target, text, $"'{entry.Key}' in {entry.Location}");
        }
    }

    public void ApplyFlags(ExperimentSettings target, ParseResult parsed, IReadOnlyDictionary<Setting, Option<string>> options)
    {
        foreach (var setting in Settings)
            if (parsed.GetResult(options[setting]) is { Implicit: false } && parsed.GetValue(options[setting]) is { } text)
                setting.Apply(target, text, setting.Flag);
    }
}
