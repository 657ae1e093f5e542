namespace Microsoft.ML.Datasets;

/// <summary>
/// Where a GLUE task's files live and which of their columns hold the sentences and the label. Files with
/// a header are read by column name, so that splits with different column counts (MNLI's train and dev)
/// share a description; CoLA's headerless train and dev files get an implied header.
/// </summary>
internal sealed record GlueFormat(string Folder, string Sentence1, string? Sentence2, string? Label, bool ScoreLabel)
{
    private static readonly string[] ColaColumns = ["source", "label", "original_label", "sentence"];

    public bool HasPair => Sentence2 is not null;

    public static GlueFormat For(GlueTask task) => task switch
    {
        GlueTask.Cola => new("CoLA", "sentence", null, "label", false),
        GlueTask.Sst2 => new("SST-2", "sentence", null, "label", false),
        GlueTask.Mrpc => new("MRPC", "#1 String", "#2 String", "Quality", false),
        GlueTask.Qqp => new("QQP", "question1", "question2", "is_duplicate", false),
        GlueTask.StsB => new("STS-B", "sentence1", "sentence2", "score", true),
        GlueTask.MnliMatched or GlueTask.MnliMismatched => new("MNLI", "sentence1", "sentence2", "gold_label", false),
        GlueTask.Qnli => new("QNLI", "question", "sentence", "label", false),
        GlueTask.Rte => new("RTE", "sentence1", "sentence2", "label", false),
        GlueTask.Wnli => new("WNLI", "sentence1", "sentence2", "label", false),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown GLUE task."),
    };

    /// <summary>The file name of a split, e.g. <c>dev_mismatched.tsv</c> for MNLI-mm dev.</summary>
    public static string FileName(GlueTask task, GlueSplit split) => (task, split) switch
    {
        (_, GlueSplit.Train) => "train.tsv",
        (GlueTask.MnliMatched, GlueSplit.Dev) => "dev_matched.tsv",
        (GlueTask.MnliMatched, GlueSplit.Test) => "test_matched.tsv",
        (GlueTask.MnliMismatched, GlueSplit.Dev) => "dev_mismatched.tsv",
        (GlueTask.MnliMismatched, GlueSplit.Test) => "test_mismatched.tsv",
        (_, GlueSplit.Dev) => "dev.tsv",
        (_, GlueSplit.Test) => "test.tsv",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown GLUE split."),
    };

    /// <summary>The column names of a headerless file, or null when the file's first line is its header.
    /// Only CoLA's train and dev files lack a header.</summary>
    public string[]? ImpliedHeader(GlueSplit split) => Folder == "CoLA" && split != GlueSplit.Test ? ColaColumns : null;
}
