namespace Microsoft.ML.Neural.Checkpoints;

/// <summary>A checkpoint file that cannot be read or does not fit the model. The message names the
/// file and, where one is involved, the tensor; both are also available as properties.</summary>
public sealed class CheckpointException : IOException
{
    public CheckpointException(string filePath, string? tensorName, string problem, Exception? inner = null)
        : base(Describe(filePath, tensorName, problem), inner)
    {
        FilePath = filePath;
        TensorName = tensorName;
    }

    /// <summary>The checkpoint file (or folder) the problem was found in.</summary>
    public string FilePath { get; }

    /// <summary>The tensor concerned, or null when the problem is with the file as a whole.</summary>
    public string? TensorName { get; }

    private static string Describe(string filePath, string? tensorName, string problem) =>
        tensorName is null ? $"{filePath}: {problem}" : $"{filePath}: tensor '{tensorName}': {problem}";
}
