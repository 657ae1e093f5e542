namespace Microsoft.ML.Experiments.Verbs.Glue;

/// <summary>The GLUE tasks the <c>glue</c> verb runs (their data sets and metrics: <see cref="GlueTasks"/>).</summary>
public enum GlueTaskName
{
    Sst2,
    Mrpc,
    Cola,
}
