namespace Microsoft.ML.Tokenizers;

/// <summary>One token of an encoding: its vocabulary id, its text as in the vocabulary, and the range of
/// the original input text it came from.</summary>
public readonly record struct EncodedToken(int Id, string Value, Range Offset);
