namespace Microsoft.ML.Experiments.Configuration;

/// <summary>A mistake in how the tool was called: a bad flag value, an unknown YAML key, a missing file or folder.
/// The message names the culprit; the tool prints it and exits with code 2.</summary>
public sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
