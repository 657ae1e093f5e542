using Microsoft.ML.BpSom;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>The report sections of the two BP-SOM verbs, whose histories share their keys (epoch, loss, trainAccuracy,
/// validationAccuracy, validationLoss, somUsagePercent, prunedUnits, hiddenUnits): baseline-vs-BP-SOM curves with pruning
/// events marked, a metric comparison, the SOMs (class labels with reliability, U-matrix) and the confusion tables.</summary>
public static class BpSomReport
{
    public static void Add(HtmlReport report, IReadOnlyList<TrainerResult> results, IReadOnlyList<TrainedSoms> soms, string lossLabel)
    {
        if (results.Count == 0)
            return;
        var pruning = results.SelectMany(r => r.History
                .Where(e => e.GetValueOrDefault("prunedUnits") is int pruned && pruned > 0)
                .Select(e => new ChartMarker(Convert.ToDouble(e["epoch"]), $"{r.Name}: pruned {e["prunedUnits"]}")))
            .ToArray();
        var curves = report.AddSection("Training curves: BP-SOM against the baseline");
        foreach (var (key, title, axis, marked) in new[]
        {
            ("loss", $"Training loss ({lossLabel})", "loss", true),
            ("validationLoss", "Validation loss", "loss", false),
            ("trainAccuracy", "Training accuracy", "accuracy", false),
            ("validationAccuracy", "Validation accuracy", "accuracy", true),
            ("somUsagePercent", "SOM usage (% of examples given a SOM error)", "%", false),
            ("hiddenUnits", "Hidden units (pruning events marked)", "units", true),
        })
        {
            if (results.Any(r => r.History.Any(e => e.GetValueOrDefault(key) is not null)))
                curves.Add(ReportParts.Curves(title, axis, results, key, marked ? pruning : null));
        }
        if (results.Count > 1)
            curves.Add(ReportParts.Comparison("Evaluation metrics, side by side", results));

        var maps = report.AddSection("SOMs after training");
        maps.AddText("Class label of each cell (colour), its reliability (opacity and %, cells below the reliability threshold give no SOM error), " +
                     "and the U-matrix (dark = far from its neighbours). The trainers keep the SOM of the network they keep (the best epoch's), drawn here.");
        foreach (var trained in soms)
        {
            // SOM labels are key indices; the confusion table's classes are the key values in the same order.
            var classes = results.First(r => r.Name == trained.Trainer).Confusion!.Classes;
            for (int layer = 0; layer < trained.Maps.Count; layer++)
            {
                string name = trained.Maps.Count == 1 ? trained.Trainer : $"{trained.Trainer} hidden layer {layer + 1}";
                SomViews.Add(maps, name, trained.Epoch, trained.Maps[layer], classes);
            }
        }
        ReportParts.AddConfusions(report.AddSection("Confusion tables"), results);
    }
}
