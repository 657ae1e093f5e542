using Microsoft.ML.Datasets;

namespace Microsoft.ML.Experiments.Verbs.Glue;

/// <summary>What the <c>glue</c> verb needs to know of each task: its GLUE data set, its metric, whether it pairs sentences.</summary>
public static class GlueTasks
{
    public const string Accuracy = "accuracy";
    public const string F1 = "F1";
    public const string Matthews = "MCC";

    public static GlueTask Task(GlueTaskName name) => name switch
    {
        GlueTaskName.Sst2 => GlueTask.Sst2,
        GlueTaskName.Mrpc => GlueTask.Mrpc,
        _ => GlueTask.Cola,
    };

    /// <summary>SST-2 is ranked by accuracy, MRPC by F1 of the paraphrase class, CoLA by Matthews correlation.</summary>
    public static string PrimaryMetric(GlueTaskName name) => name switch
    {
        GlueTaskName.Sst2 => Accuracy,
        GlueTaskName.Mrpc => F1,
        _ => Matthews,
    };

    public static bool IsPair(GlueTaskName name) => name == GlueTaskName.Mrpc;
}
