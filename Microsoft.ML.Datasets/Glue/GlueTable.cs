namespace Microsoft.ML.Datasets;

/// <summary>One GLUE file parsed into columns. <see cref="Labels"/> is null for test splits and for
/// STS-B (which has <see cref="Scores"/>); <see cref="Sentence2"/> is null for single-sentence tasks.</summary>
internal sealed record GlueTable(string[] Sentence1, string[]? Sentence2, string[]? Labels, float[]? Scores)
{
    public int Count => Sentence1.Length;
}
