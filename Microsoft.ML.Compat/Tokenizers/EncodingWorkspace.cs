namespace Microsoft.ML.Tokenizers;

/// <summary>Per-thread scratch buffers, so that encoding allocates nothing per call once warmed up and a
/// tokenizer can be shared by threads.</summary>
internal sealed class EncodingWorkspace
{
    [ThreadStatic] private static EncodingWorkspace? t_current;

    public static EncodingWorkspace Current => t_current ??= new EncodingWorkspace();

    public WordList Words { get; } = new();

    /// <summary>Tokens of the first (or only) text.</summary>
    public TokenBuffer First { get; } = new();

    /// <summary>Tokens of the second text of a pair.</summary>
    public TokenBuffer Second { get; } = new();
}
