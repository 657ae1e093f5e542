namespace Microsoft.ML.Experiments.Configuration;

/// <summary>One leaf of a YAML config: its dotted key, its value as text (a sequence joined with commas) and where it stands.</summary>
public sealed record ConfigEntry(string Key, string Text, string File, int Line, int Column)
{
    public string Location => $"{File}, line {Line}, column {Column}";
}
