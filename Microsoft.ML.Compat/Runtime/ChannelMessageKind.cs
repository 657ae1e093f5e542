namespace Microsoft.ML.Runtime;

/// <summary>Severity of a log message.</summary>
public enum ChannelMessageKind
{
    Trace = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
