using System.Globalization;
using Microsoft.ML.DynamicSparse;
using Microsoft.ML.Experiments.Reporting;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Verbs.Sparse;

/// <summary>The report sections of a sweep: pivot heatmaps and tables (mean ± std over seeds of each trial's best validation
/// accuracy, Hebbian prune × magnitude prune, one per growth mode), validation curves per grid point and every trial.</summary>
public static class SweepReport
{
    private const string Rows = nameof(DynamicSparseTrainer.Options.HebbianPrunePercent);
    private const string Columns = nameof(DynamicSparseTrainer.Options.WeightPrunePercent);
    private const string Grow = nameof(DynamicSparseTrainer.Options.HebbianGrow);

    public static void Add(HtmlReport html, IReadOnlyList<TrialResult> trials, IReadOnlyList<SweepPoint> points, bool noisy)
    {
        if (trials.Count == 0)
            return;
        var pivots = html.AddSection("Pivot tables: validation accuracy max, mean ± std over seeds");
        var summaries = SweepTables.Summarize(trials, SweepMetric.ValidationAccuracy);
        foreach (var grow in summaries.Select(s => s.Settings[Grow]).Distinct())
            AddPivot(pivots, $"HebbianGrow = {grow}", summaries.Where(s => s.Settings[Grow] == grow).ToArray());
        if (noisy)
            AddPivot(pivots, "noisy validation, all growth modes", SweepTables.Summarize(trials, SweepMetric.NoisyValidationAccuracy));

        var curves = html.AddSection("Training curves per grid point (mean over seeds)");
        var results = points.Select(p => p.ToResult("max")).ToArray();
        curves.Add(ReportParts.Curves("Validation accuracy", "accuracy", results, "validationAccuracy"));
        curves.Add(ReportParts.Curves("Training loss", "loss", results, "trainLoss"));
        curves.Add(ReportParts.Curves("Connection density", "density", results, "density"));

        var all = html.AddSection("Trials");
        var names = summaries.SelectMany(s => s.Settings.Keys).Distinct().ToArray();
        var table = new ReportTable([.. names, "seed", "max", "min", "median", "last", "epoch of max"]);
        foreach (var s in summaries)
            table.AddRow([.. names.Select(n => s.Settings[n]), Number(s.Seed), F(s.Max), F(s.Min), F(s.Median), F(s.Last), Number(s.EpochOfMax)]);
        all.Add(table);
    }

    private static void AddPivot(ReportSection section, string title, IReadOnlyList<TrialSummary> summaries)
    {
        var groups = SweepTables.Group(summaries, s => s.Max, Rows, Columns).ToDictionary(g => (g.Values[0], g.Values[1]));
        string[] rows = [.. summaries.Select(s => s.Settings[Rows]).Distinct()];
        string[] columns = [.. summaries.Select(s => s.Settings[Columns]).Distinct()];
        var means = new double[rows.Length, columns.Length];
        var table = new ReportTable([$"{Rows} \\ {Columns}", .. columns], title);
        for (int r = 0; r < rows.Length; r++)
        {
            var cells = new string[columns.Length];
            for (int c = 0; c < columns.Length; c++)
            {
                bool found = groups.TryGetValue((rows[r], columns[c]), out var g);
                means[r, c] = found ? g.Mean : double.NaN;
                cells[c] = found ? $"{F(g.Mean)} ± {F(g.Std)}" : "";
            }
            table.AddRow([rows[r], .. cells]);
        }
        section.Add(new Heatmap($"Validation accuracy max, {title}", rows, columns, means)
        {
            RowAxisLabel = Rows,
            ColumnAxisLabel = Columns,
            ValueFormat = "0.000",
        });
        section.Add(table);
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
