using System.Globalization;
using Microsoft.ML.Experiments.Progress;

namespace Microsoft.ML.Experiments.Running;

/// <summary>How figures are shown in the summary and the report.</summary>
public static class MetricText
{
    public static string Value(double value) =>
        double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes.Value / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };

    /// <summary>The metric names of all trainers, in first-seen order (trainers of one run report the same ones).</summary>
    public static IReadOnlyList<string> Names(IEnumerable<TrainerResult> trainers) =>
        trainers.SelectMany(t => t.Metrics.Select(m => m.Name)).Distinct().ToArray();

    /// <summary>The columns after the metrics: training time and model size, each only when some trainer has it.</summary>
    public static IReadOnlyList<(string Column, Func<TrainerResult, string> Cell)> Extras(IReadOnlyList<TrainerResult> trainers)
    {
        var extras = new List<(string, Func<TrainerResult, string>)>();
        if (trainers.Any(t => t.TrainingTime is not null))
            extras.Add(("Training time", t => t.TrainingTime is { } time ? ProgressText.Duration(time) : "n/a"));
        if (trainers.Any(t => t.ModelBytes is not null))
            extras.Add(("Model size", t => Bytes(t.ModelBytes)));
        return extras;
    }

    public static string Cell(TrainerResult trainer, string metric) =>
        trainer.Metrics.FirstOrDefault(m => m.Name == metric) is { } found ? Value(found.Value) : "";
}
