namespace Microsoft.ML.Experiments.Configuration;

/// <summary>A dotted YAML key (e.g. <c>bpsom.som_grid_size</c>) that sets a setting, with an optional rewrite of its text
/// for keys whose unit differs from the flag's (the reference's reliability is a fraction, the flag's a percent).</summary>
public sealed record YamlKey(string Path, Func<string, string>? Rewrite = null)
{
    public static implicit operator YamlKey(string path) => new(path);

    /// <summary>A fraction in [0, 1] written as the integer percent the options use, e.g. 0.95 → 95.</summary>
    public static YamlKey FractionAsPercent(string path) => new(path, text =>
        ((int)Math.Round(100 * ValueText.ParseDouble(text))).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
