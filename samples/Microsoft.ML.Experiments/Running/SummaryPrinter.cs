using Spectre.Console;

namespace Microsoft.ML.Experiments.Running;

/// <summary>The Model Builder-style summary printed at the end of a run: the trainers with their metrics, training time and
/// model size (the best one starred), the best trainer's confusion table, and where the outputs went.</summary>
public static class SummaryPrinter
{
    public static void Print(IAnsiConsole console, string verb, ExperimentOutcome outcome, RunFolder folder)
    {
        console.WriteLine();
        string status = outcome.Cancelled ? "cancelled: results of the trainers that finished" : "completed";
        console.Write(new Rule(Markup.Escape($"{verb} {status}")) { Justification = Justify.Left });
        int? best = outcome.Best;
        if (outcome.Trainers.Count == 0)
        {
            console.WriteLine("No trainer finished.");
        }
        else
        {
            var names = MetricText.Names(outcome.Trainers);
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Trainer");
            foreach (string name in names)
                table.AddColumn(new TableColumn(Markup.Escape(name == outcome.PrimaryMetric ? name + " (ranked by)" : name)).RightAligned());
            var extras = MetricText.Extras(outcome.Trainers);
            foreach (var (column, _) in extras)
                table.AddColumn(new TableColumn(column).RightAligned());
            for (int i = 0; i < outcome.Trainers.Count; i++)
            {
                var trainer = outcome.Trainers[i];
                string label = i == best ? $"★ {trainer.Name}" : $"  {trainer.Name}";
                var cells = new[] { label }
                    .Concat(names.Select(n => MetricText.Cell(trainer, n)))
                    .Concat(extras.Select(e => e.Cell(trainer)))
                    .Select(c => i == best ? $"[bold green]{Markup.Escape(c)}[/]" : Markup.Escape(c))
                    .ToArray();
                table.AddRow(cells);
            }
            console.Write(table);
            console.WriteLine($"★ best by {outcome.PrimaryMetric}: {outcome.Trainers[best!.Value].Name}");
            if (outcome.Trainers[best.Value].Confusion is { } confusion)
                PrintConfusion(console, outcome.Trainers[best.Value].Name, confusion);
        }
        console.WriteLine();
        console.WriteLine($"Outputs in {folder.Path}:");
        foreach (string file in Directory.GetFiles(folder.Path).Select(f => Path.GetFileName(f)).Where(f => !f.StartsWith('.')).Order(StringComparer.Ordinal))
            console.WriteLine($"  {file}");
        foreach (string sub in Directory.GetDirectories(folder.Path).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal))
            console.WriteLine($"  {sub}/");
    }

    private static void PrintConfusion(IAnsiConsole console, string trainer, ConfusionTable confusion)
    {
        console.WriteLine($"Confusion table of {trainer} (rows: actual, columns: predicted):");
        var table = new Table().Border(TableBorder.Simple).AddColumn("actual \\ predicted");
        foreach (string name in confusion.Classes)
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        table.AddColumn(new TableColumn("recall").RightAligned());
        for (int r = 0; r < confusion.Classes.Count; r++)
        {
            var row = confusion.Counts[r];
            double total = row.Sum();
            table.AddRow([Markup.Escape(confusion.Classes[r]), .. row.Select(v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)),
                MetricText.Value(total > 0 ? row[r] / total : double.NaN)]);
        }
        console.Write(table);
    }
}
