using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>One message sent to <see cref="MLContext.Log"/>.</summary>
public sealed class LoggingEventArgs : EventArgs
{
    public LoggingEventArgs(string message, ChannelMessageKind kind, string source)
    {
        RawMessage = message;
        Kind = kind;
        Source = source;
        Message = $"[Source={source}, Kind={kind}] {message}";
    }

    /// <summary>"[Source={Source}, Kind={Kind}] {RawMessage}".</summary>
    public string Message { get; }

    /// <summary>The message as the component wrote it.</summary>
    public string RawMessage { get; }

    public ChannelMessageKind Kind { get; }

    /// <summary>The component and channel names, joined by "; " (e.g. "BpSomTrainer; Training").</summary>
    public string Source { get; }
}
