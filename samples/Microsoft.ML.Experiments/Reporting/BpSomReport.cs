using Microsoft.ML.BpSom;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Reports;

namespace Microsoft.ML.Experiments.Reporting;

/// <summary>The report sections of the two BP-SOM verbs, whose histories share their keys (epoch, loss, trainAccuracy,
/// validationAccuracy, validationLoss, somUsagePercent, prunedUnits, hiddenUnits): baseline-vs-BP-SOM curves with pruning
/// events marked, a metric comparison, the SOMs of every labelled epoch (class labels with reliability, U-matrix) and the
/// confusion tables.</summary>
public static class BpSomReport
{
    /// <summary>A trainer with more labelled epochs than this gets small label maps, so its epochs read as a grid at a glance.</summary>
    private const int FullSizeEpochs = 4;

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

        AddSoms(report, results, soms);
        ReportParts.AddConfusions(report.AddSection("Confusion tables"), results);
    }

    /// <summary>One section per trainer: for each labelled epoch and hidden layer, the class-label map and U-matrix as the labelling
    /// pass left them, the epoch whose network training kept marked "kept".</summary>
    private static void AddSoms(HtmlReport report, IReadOnlyList<TrainerResult> results, IReadOnlyList<TrainedSoms> soms)
    {
        foreach (var trained in soms)
        {
            // SOM labels are key indices; the confusion table's classes are the key values in the same order.
            var classes = results.First(r => r.Name == trained.Trainer).Confusion!.Classes;
            var section = report.AddSection($"SOMs per labelled epoch: {trained.Trainer}");
            section.AddText("Class label of each cell (colour) and its reliability (opacity, and % on full-size maps; cells below the " +
                            "reliability threshold give no SOM error), and the U-matrix (dark = far from its neighbours), each right after " +
                            $"that epoch's labelling pass. Training kept the network of epoch {trained.KeptEpoch}.");
            bool compact = trained.Epochs.Count > FullSizeEpochs;
            int layers = trained.Epochs.Select(e => e.Maps.Count).DefaultIfEmpty(0).Max();
            // Layer by layer, so one layer's epochs follow each other and its map's development reads left to right.
            for (int layer = 0; layer < layers; layer++)
                foreach (var epoch in trained.Epochs.Where(e => layer < e.Maps.Count))
                {
                    string name = layers == 1 ? trained.Trainer : $"{trained.Trainer} hidden layer {layer + 1}";
                    string kept = epoch.Epoch == trained.KeptEpoch ? " (kept)" : "";
                    SomViews.Add(section, $"{name}, epoch {epoch.Epoch}{kept}", epoch.Maps[layer], classes, compact);
                }
        }
    }
}
