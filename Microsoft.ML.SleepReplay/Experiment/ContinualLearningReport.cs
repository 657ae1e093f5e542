using System.Globalization;
using System.Text;

namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Test accuracy on each task's classes, on all tasks' classes (overall) and on the classes of the
/// tasks seen so far, taken after task <c>AfterTask</c> (0-based).
/// </summary>
public sealed record TaskAccuracyRow(int AfterTask, IReadOnlyList<double> PerTask, double Overall, double Seen);

/// <summary>Everything one approach produced.</summary>
/// <param name="StableRanks">After each task (or once at the end), the stable rank of every layer.</param>
/// <param name="Model">
/// The approach's final network as an ML.NET model (factorized networks multiplied out): the network its last row was
/// scored with, ready to save with <c>mlContext.Model.Save</c> or to continue from with
/// <see cref="SequentialMlpTrainer.Fit(IDataView, MlpModelParameters)"/>. <see cref="ContinualApproach.SequentialMasked"/>'s
/// label-aware score masking is part of its evaluation, not of its network, so its model scores as the plain network does.
/// </param>
/// <param name="Sleeps">The sleeps of <see cref="ContinualApproach.SleepReplay"/>, one per task; empty for the other approaches.</param>
public sealed record ApproachResult(ContinualApproach Approach, IReadOnlyList<TaskAccuracyRow> Rows,
    IReadOnlyList<IReadOnlyList<double>> StableRanks, TimeSpan Elapsed, MlpModelParameters Model, IReadOnlyList<SleepRecord> Sleeps)
{
    public TaskAccuracyRow Final => Rows[^1];
}

/// <summary>One sleep of the SRC approach: the candidate chosen on validation data and its effect.</summary>
public sealed record SleepRecord(int Task, int Candidate, SleepResult Result,
    double ValidationBefore, double ValidationAfter, double TestBefore, double TestAfter,
    IReadOnlyList<LayerActivationChange> Activations);

/// <summary>Results of the incremental-task protocol.</summary>
public sealed class ContinualLearningReport(IReadOnlyList<int[]> tasks, IReadOnlyList<ApproachResult> approaches, IReadOnlyList<SleepRecord> sleeps)
{
    /// <summary>A report of <paramref name="approaches"/> (all of a run, or those finished before it was cancelled), with the sleeps they recorded.</summary>
    public ContinualLearningReport(IReadOnlyList<int[]> tasks, IReadOnlyList<ApproachResult> approaches)
        : this(tasks, approaches, [.. approaches.SelectMany(a => a.Sleeps)])
    {
    }

    public IReadOnlyList<int[]> Tasks { get; } = tasks;

    public IReadOnlyList<ApproachResult> Approaches { get; } = approaches;

    public IReadOnlyList<SleepRecord> Sleeps { get; } = sleeps;

    /// <summary>Final accuracy per task and overall, one line per approach (percent), with the time and the final network's stable rank per layer.</summary>
    public string FormatFinalTable()
    {
        var sb = new StringBuilder();
        sb.Append($"{"approach",-22}");
        foreach (var t in Tasks) sb.Append($"{"task " + string.Join("", t),10}");
        sb.AppendLine($"{"overall",10}{"time",10}  stable rank per layer");
        foreach (var a in Approaches)
        {
            sb.Append($"{a.Approach,-22}");
            foreach (double acc in a.Final.PerTask) sb.Append(Percent(acc));
            sb.Append(Percent(a.Final.Overall));
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"{a.Elapsed.TotalSeconds,9:F0}s "));
            foreach (double r in a.StableRanks[^1]) sb.Append(string.Create(CultureInfo.InvariantCulture, $" {r:F2}"));
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>Accuracy after each task (rows) for the approaches that are evaluated task by task.</summary>
    public string FormatProgressTables()
    {
        var sb = new StringBuilder();
        foreach (var a in Approaches.Where(a => a.Rows.Count > 1))
        {
            sb.AppendLine($"{a.Approach}: test accuracy (%) after each task; stable rank per layer");
            foreach (var row in a.Rows)
            {
                sb.Append($"  after task {row.AfterTask + 1}:");
                foreach (double acc in row.PerTask) sb.Append(Percent(acc));
                sb.Append($" | overall{Percent(row.Overall)} | rank");
                foreach (double r in a.StableRanks[row.AfterTask]) sb.Append(string.Create(CultureInfo.InvariantCulture, $" {r:F2}"));
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    /// <summary>Per sleep: the chosen candidate, accuracies before/after, spikes, and per-layer activation changes.</summary>
    public string FormatSleepDetails()
    {
        var sb = new StringBuilder();
        foreach (var s in Sleeps)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"sleep after task {s.Task + 1}: candidate {s.Candidate}, {s.Result.Iterations} steps, α = [{string.Join(", ", s.Result.Alpha.Select(a => a.ToString("G4", CultureInfo.InvariantCulture)))}], spikes/layer = [{string.Join(", ", s.Result.SpikesPerLayer)}]"));
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  validation {s.ValidationBefore:P2} → {s.ValidationAfter:P2}; test (seen tasks) {s.TestBefore:P2} → {s.TestAfter:P2}"));
            foreach (var layer in s.Activations)
            {
                sb.Append($"  layer {layer.Layer + 1} 1−cos per class:");
                foreach (var c in layer.Classes) sb.Append(string.Create(CultureInfo.InvariantCulture, $" {c.Class}:{c.CosineDifference:F3}"));
                sb.Append(" | mean act before→after:");
                foreach (var c in layer.Classes) sb.Append(string.Create(CultureInfo.InvariantCulture, $" {c.Class}:{c.MeanBefore:G3}→{c.MeanAfter:G3}"));
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100,9:F2}%");
}
