using System.CommandLine;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Verbs;

namespace Microsoft.ML.Experiments;

/// <summary>A verb as a System.CommandLine command: --config plus one option per setting, and the binding of a parse result to the
/// verb's settings (defaults, then the YAML file, then the flags given; then <see cref="ExperimentSettings.Complete"/>).</summary>
public sealed class VerbCommand
{
    private readonly Option<string> _config = new("--config") { Description = "YAML file of settings (flags win over it).", HelpName = "file.yaml" };
    private readonly Dictionary<Setting, Option<string>> _options;

    public VerbCommand(Verb verb)
    {
        Verb = verb;
        Command = new Command(verb.Name, verb.Description);
        Command.Options.Add(_config);
        _options = verb.Settings.ToDictionary(s => s, s => s.CreateOption());
        foreach (var option in _options.Values)
            Command.Options.Add(option);
    }

    public Verb Verb { get; }
    public Command Command { get; }

    public ExperimentSettings Bind(ParseResult parsed)
    {
        var settings = Verb.CreateSettings();
        var binder = new SettingsBinder(Verb.Settings);
        if (parsed.GetValue(_config) is { } configFile)
            binder.ApplyConfig(settings, ConfigFile.Read(configFile));
        binder.ApplyFlags(settings, parsed, _options);
        settings.Complete();
        return settings;
    }
}
