namespace Microsoft.ML.Reports.Tests;

/// <summary>A report with every block and chart kind, filled with curves and grids computed from closed-form formulas.</summary>
internal static class SampleReport
{
    /// <summary>Charts in document order with the number of marks each must draw; the last one is deliberately empty.</summary>
    public static readonly (string Kind, int Marks)[] ExpectedCharts =
    [
        ("line", 4 + 2),   // four unbroken curves + two pruning markers
        ("line", 2 + 1),   // a curve broken by a NaN into two runs + one isolated point
        ("heatmap", 4),    // 2×2 confusion table
        ("heatmap", 9),    // 3×3 SRC accuracy-by-task matrix
        ("heatmap", 6),    // 2×3 sweep pivot table
        ("som", 64),       // 8×8 SOM
        ("umatrix", 64),   // its U-matrix
        ("bar", 9),        // 3 layers × 3 tasks
        ("line", 0),       // empty: "no data"
    ];

    public static HtmlReport Build()
    {
        var report = new HtmlReport("SST-2 · BP-SOM vs baseline <sample>", "Synthetic data for the renderer's browser test");

        var summary = report.AddSection("Summary");
        summary.Add(new SummaryTable("Run").Add("Task", "SST-2").Add("Epochs", 10).Add("SOM error weight", 0.25));
        var trainers = summary.Add(new ReportTable(["Trainer", "Accuracy", "F1", "MCC", "Training time (s)"], "Trainers"));
        trainers.AddRow("Baseline", "0.8710", "0.8702", "0.7421", "612.4");
        trainers.AddRow("BP-SOM", "0.8853", "0.8849", "0.7712", "701.9");
        trainers.MarkBest(1);

        var curves = report.AddSection("Training curves");
        var epochs = Enumerable.Range(1, 10).ToArray();
        var training = curves.Add(new LineChart("Loss and accuracy per epoch", "epoch", "value") { YMin = 0 });
        training.Add("baseline loss", [.. epochs.Select(e => 0.7 * Math.Exp(-0.25 * e))]);
        training.Add("BP-SOM loss", [.. epochs.Select(e => 0.7 * Math.Exp(-0.3 * e))]);
        training.Add(new LineSeries("baseline accuracy", [.. epochs.Select(e => 0.5 + (0.37 * (1 - Math.Exp(-0.4 * e))))]) { Dashed = true });
        training.Add(new LineSeries("BP-SOM accuracy", [.. epochs.Select(e => 0.5 + (0.385 * (1 - Math.Exp(-0.45 * e))))]) { Dashed = true });
        training.AddMarker(4, "pruned 3 units").AddMarker(7, "pruned 1 unit");
        var gaps = curves.Add(new LineChart("Validation accuracy with missing epochs", "epoch", "accuracy"));
        gaps.Add("validation", [0.61, 0.66, double.NaN, 0.71, 0.74, 0.76, double.NaN, 0.78]);

        var tables = report.AddSection("Evaluation");
        tables.Add(new Heatmap("Confusion table", ["negative", "positive"], ["negative", "positive"], new double[,] { { 380, 48 }, { 52, 392 } })
        {
            ValueFormat = "0", RowAxisLabel = "actual", ColumnAxisLabel = "predicted",
        });
        tables.Add(new Heatmap("SRC accuracy by task", ["after task 1", "after task 2", "after task 3"], ["task 1", "task 2", "task 3"],
            new double[,] { { 0.97, double.NaN, double.NaN }, { 0.81, 0.96, double.NaN }, { 0.74, 0.88, 0.95 } })
        {
            Minimum = 0, Maximum = 1,
        });
        tables.Add(new Heatmap("Sweep: accuracy by sparsity and learning rate", ["lr 0.001", "lr 0.01"], ["50%", "80%", "95%"],
            new double[,] { { 0.91, 0.90, 0.84 }, { 0.93, 0.91, 0.80 } }));

        var som = report.AddSection("SOM, hidden layer 1");
        som.AddSomEpoch("hidden layer 1", 10, SomLabels(8), SomReliability(8), UMatrix(8), ["negative", "positive"]);

        var ranks = report.AddSection("Stable rank per layer");
        ranks.Add(new BarChart("Stable rank after each task", ["layer 1", "layer 2", "layer 3"], "stable rank")
            .Add("task 1", [12.4, 9.8, 4.1]).Add("task 2", [11.9, 9.1, 3.7]).Add("task 3", [11.2, 8.7, 3.5]));
        ranks.Add(new LineChart("Pruning events (none recorded)", "epoch", "units"));
        return report;
    }

    // Left half "negative", right half "positive", the middle column and one corner unlabelled.
    private static int[,] SomLabels(int d)
    {
        var labels = new int[d, d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
                labels[r, c] = c == d / 2 || (r == 0 && c == 0) ? SomMap.Unlabelled : c < d / 2 ? 0 : 1;
        return labels;
    }

    private static double[,] SomReliability(int d)
    {
        var reliability = new double[d, d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
                reliability[r, c] = Math.Min(1, Math.Abs(c - (d / 2.0)) / (d / 2.0) + 0.1);
        return reliability;
    }

    // Distances peak along the class boundary in the middle column.
    private static double[,] UMatrix(int d)
    {
        var u = new double[d, d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c < d; c++)
                u[r, c] = 1 / (1 + Math.Abs(c - (d / 2.0))) + (0.02 * r);
        return u;
    }
}
