using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>Report pieces every verb uses: the trainer table with the best row marked, training curves from the per-epoch
/// history (one series per trainer, so baseline and BP-SOM share axes) and confusion-table heatmaps.</summary>
public static class ReportParts
{
    public static void AddSummary(HtmlReport report, ExperimentOutcome outcome, string folder)
    {
        var section = report.AddSection("Summary");
        if (outcome.Cancelled)
            section.AddText("The run was cancelled (Ctrl+C): only the trainers that finished are shown.");
        if (outcome.Trainers.Count == 0)
        {
            section.AddText("No trainer finished.");
            return;
        }
        var names = MetricText.Names(outcome.Trainers);
        var extras = MetricText.Extras(outcome.Trainers);
        var table = new ReportTable(["trainer", .. names, .. extras.Select(e => e.Column)], $"ranked by {outcome.PrimaryMetric}");
        foreach (var trainer in outcome.Trainers)
            table.AddRow([trainer.Name, .. names.Select(n => MetricText.Cell(trainer, n)), .. extras.Select(e => e.Cell(trainer))]);
        table.MarkBest(outcome.Best!.Value);
        section.Add(table);
        section.AddText($"Outputs: {folder}");
    }

    /// <summary>A line chart of history entry <paramref name="key"/> over epochs, one series per trainer that recorded it
    /// (epochs where it is missing are gaps), with optional event markers.</summary>
    public static LineChart Curves(string title, string yLabel, IEnumerable<TrainerResult> trainers, string key,
        IEnumerable<ChartMarker>? markers = null)
    {
        var chart = new LineChart(title, "epoch", yLabel);
        foreach (var trainer in trainers)
        {
            var points = trainer.History.Where(e => e.ContainsKey("epoch")).Select(e => (X: Convert.ToDouble(e["epoch"]), Y: Number(e.GetValueOrDefault(key)))).ToArray();
            if (points.Any(p => double.IsFinite(p.Y)))
                chart.Add(new LineSeries(trainer.Name, points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray()));
        }
        foreach (var marker in markers ?? [])
            chart.AddMarker(marker.X, marker.Label);
        return chart;
    }

    /// <summary>Grouped bars of the metrics where higher is better (categories) for each trainer (series).</summary>
    public static BarChart Comparison(string title, IReadOnlyList<TrainerResult> trainers)
    {
        string[] names = [.. MetricText.Names(trainers).Where(n => trainers.All(t => t.Metrics.Any(m => m.Name == n && m.HigherIsBetter)))];
        var chart = new BarChart(title, names, "value");
        foreach (var trainer in trainers)
            chart.Add(trainer.Name, [.. names.Select(n => trainer[n])]);
        return chart;
    }

    public static void AddConfusions(ReportSection section, IEnumerable<TrainerResult> trainers)
    {
        foreach (var trainer in trainers)
        {
            if (trainer.Confusion is not { } confusion)
                continue;
            var counts = new double[confusion.Classes.Count, confusion.Classes.Count];
            for (int r = 0; r < confusion.Classes.Count; r++)
                for (int c = 0; c < confusion.Classes.Count; c++)
                    counts[r, c] = confusion.Counts[r][c];
            section.Add(new Heatmap($"{trainer.Name}: confusion table", confusion.Classes, confusion.Classes, counts)
            {
                RowAxisLabel = "actual",
                ColumnAxisLabel = "predicted",
                ValueFormat = "0",
            });
        }
    }

    private static double Number(object? value) => value switch
    {
        null => double.NaN,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => double.NaN,
    };
}
