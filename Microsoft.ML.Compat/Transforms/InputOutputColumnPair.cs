namespace Microsoft.ML;

/// <summary>An output column name and the input column it is computed from (the input defaults to the output).</summary>
public sealed class InputOutputColumnPair
{
    public InputOutputColumnPair(string outputColumnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
    }

    public string OutputColumnName { get; }
    public string InputColumnName { get; }

    internal static InputOutputColumnPair[] Check(InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        return columns;
    }
}
