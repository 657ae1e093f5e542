using System.Globalization;
using Microsoft.ML.Reports;
using Microsoft.ML.SleepReplay;

namespace Microsoft.ML.Experiments.Verbs.Continual;

/// <summary>The report sections of the SRC protocol: final accuracy per task, accuracy-by-task matrices of the approaches
/// evaluated after every task, overall accuracy over the tasks, stable ranks and the sleeps; for a cancelled run, those of the
/// approaches that finished and the names of those not run.</summary>
public static class ContinualReport
{
    public static string TaskName(int[] classes) => "task " + string.Join("", classes);

    /// <param name="notRun">Approaches a cancelled run never finished (empty for a complete run).</param>
    public static void Add(HtmlReport html, ContinualLearningReport report, IReadOnlyList<string> notRun)
    {
        if (notRun.Count > 0)
            html.AddSection("Approaches not run").AddText($"The run was cancelled before these approaches finished: {string.Join(", ", notRun)}.");
        if (report.Approaches.Count == 0)
            return;
        string[] tasks = [.. report.Tasks.Select(TaskName)];
        var final = html.AddSection("Final test accuracy");
        var bars = new BarChart("Final test accuracy per task and overall", [.. tasks, "overall"], "accuracy");
        foreach (var approach in report.Approaches)
            bars.Add(approach.Approach.ToString(), [.. approach.Final.PerTask, approach.Final.Overall]);
        final.Add(bars);

        AddMatrices(html, report, tasks);
        AddStableRanks(html, report);
        AddSleeps(html, report);
    }

    /// <summary>Accuracy-by-task matrices and overall accuracy after each task, for the approaches scored after every task.</summary>
    private static void AddMatrices(HtmlReport html, ContinualLearningReport report, string[] tasks)
    {
        var perTask = report.Approaches.Where(a => a.Rows.Count > 1).ToList();
        if (perTask.Count == 0)
            return;
        var matrices = html.AddSection("Accuracy by task (rows: after training task k; columns: test accuracy on each task)");
        var overall = new LineChart("Overall test accuracy after each task", "tasks learned", "accuracy") { YMin = 0, YMax = 1 };
        foreach (var approach in perTask)
        {
            var values = new double[approach.Rows.Count, tasks.Length];
            for (int r = 0; r < approach.Rows.Count; r++)
                for (int t = 0; t < tasks.Length; t++)
                    values[r, t] = approach.Rows[r].PerTask[t];
            matrices.Add(new Heatmap($"{approach.Approach}: accuracy by task", [.. approach.Rows.Select(r => $"after {r.AfterTask + 1}")], tasks, values)
            {
                Minimum = 0,
                Maximum = 1,
                RowAxisLabel = "trained on",
                ColumnAxisLabel = "tested on",
            });
            overall.Add(new LineSeries(approach.Approach.ToString(), [.. approach.Rows.Select(r => (double)(r.AfterTask + 1))], [.. approach.Rows.Select(r => r.Overall)]));
        }
        matrices.Add(overall);
    }

    private static void AddStableRanks(HtmlReport html, ContinualLearningReport report)
    {
        var ranks = html.AddSection("Stable ranks of the weight matrices");
        int layers = report.Approaches.Max(a => a.StableRanks[^1].Count);
        var rankBars = new BarChart("Stable rank per layer at the end", [.. Enumerable.Range(1, layers).Select(l => $"layer {l}")], "stable rank");
        foreach (var approach in report.Approaches)
            rankBars.Add(approach.Approach.ToString(), [.. Enumerable.Range(0, layers).Select(l => l < approach.StableRanks[^1].Count ? approach.StableRanks[^1][l] : double.NaN)]);
        ranks.Add(rankBars);
        foreach (var approach in report.Approaches.Where(a => a.StableRanks.Count > 1))
        {
            var chart = new LineChart($"{approach.Approach}: stable rank after each task", "tasks learned", "stable rank");
            for (int l = 0; l < approach.StableRanks[0].Count; l++)
                chart.Add($"layer {l + 1}", [.. approach.StableRanks.Select(r => r[l])]);
            ranks.Add(chart);
        }
    }

    private static void AddSleeps(HtmlReport html, ContinualLearningReport report)
    {
        if (report.Sleeps.Count > 0)
        {
            var sleeps = html.AddSection("Sleeps");
            var table = new ReportTable(["after task", "candidate", "steps", "validation before", "validation after", "test (seen) before", "test (seen) after"]);
            foreach (var sleep in report.Sleeps)
                table.AddRow(Number(sleep.Task + 1), Number(sleep.Candidate), Number(sleep.Result.Iterations),
                    Percent(sleep.ValidationBefore), Percent(sleep.ValidationAfter), Percent(sleep.TestBefore), Percent(sleep.TestAfter));
            sleeps.Add(table);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsFinite(value) ? (100 * value).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";
}
