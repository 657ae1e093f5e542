using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Running;

/// <summary>The result of a verb: the trainers that finished (all of them unless the run was cancelled), the metric that
/// ranks them, and the verb's own report sections.</summary>
public sealed record ExperimentOutcome(
    string PrimaryMetric,
    IReadOnlyList<TrainerResult> Trainers,
    bool Cancelled,
    Action<HtmlReport> AddReportSections)
{
    /// <summary>The trainers a cancelled run never got to (listed in metrics.json as <c>notRun</c>); empty when the verb does not say.</summary>
    public IReadOnlyList<string> NotRun { get; init; } = [];

    /// <summary>Index of the trainer with the highest primary metric, or null when none finished.</summary>
    public int? Best => Trainers.Count == 0
        ? null
        : Enumerable.Range(0, Trainers.Count).MaxBy(i => double.IsNaN(Trainers[i][PrimaryMetric]) ? double.NegativeInfinity : Trainers[i][PrimaryMetric]);
}
