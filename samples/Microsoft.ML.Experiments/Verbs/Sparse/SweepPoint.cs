using Microsoft.ML.DynamicSparse;
using Microsoft.ML.Experiments.Running;

namespace Microsoft.ML.Experiments.Verbs.Sparse;

/// <summary>One point of the grid (a combination of swept values) with the trials of its seeds.</summary>
public sealed record SweepPoint(IReadOnlyDictionary<string, string> Settings, IReadOnlyList<TrialResult> Trials)
{
    private static readonly Dictionary<string, string> ShortNames = new()
    {
        [nameof(DynamicSparseTrainer.Options.HebbianPrunePercent)] = "hebbian",
        [nameof(DynamicSparseTrainer.Options.WeightPrunePercent)] = "weight",
        [nameof(DynamicSparseTrainer.Options.HebbianGrow)] = "grow",
    };

    /// <summary>e.g. "hebbian=0.2 weight=0 grow=True".</summary>
    public string Name => string.Join(' ', Settings.Select(s => $"{ShortNames.GetValueOrDefault(s.Key, s.Key)}={s.Value}"));

    /// <summary>The trials grouped by grid point, in the order their first trial appears.</summary>
    public static IReadOnlyList<SweepPoint> Group(IEnumerable<TrialResult> trials) =>
        [.. trials.GroupBy(t => string.Join('\u0001', t.Settings.Select(s => s.Key + "=" + s.Value)))
            .Select(g => new SweepPoint(g.First().Settings, [.. g]))];

    /// <summary>The point as a "trainer": the mean over seeds of the best and last validation accuracy (and the std of the best),
    /// and per epoch the mean over seeds of the training loss, training and validation accuracy.</summary>
    public TrainerResult ToResult(string primary)
    {
        var summaries = SweepTables.Summarize(Trials, SweepMetric.ValidationAccuracy);
        var max = summaries.Select(s => s.Max).ToArray();
        double mean = max.Average();
        double std = max.Length < 2 ? 0 : Math.Sqrt(max.Sum(v => (v - mean) * (v - mean)) / (max.Length - 1));
        var metrics = new Metric[]
        {
            new(primary, mean),
            new("std over seeds", std, HigherIsBetter: false),
            new("last validation accuracy", summaries.Average(s => s.Last)),
        };
        int epochs = Trials.Min(t => t.History.Count);
        var history = Enumerable.Range(0, epochs).Select(e => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["epoch"] = e + 1,
            ["trainLoss"] = Trials.Average(t => t.History[e].TrainLoss),
            ["trainAccuracy"] = Trials.Average(t => t.History[e].TrainAccuracy),
            ["validationAccuracy"] = Trials.Average(t => t.History[e].ValidationAccuracy ?? double.NaN),
            ["density"] = Trials.Average(t => t.History[e].Layers.Average(l => l.Density)),
            ["seeds"] = Trials.Count,
        }).ToArray();
        return new TrainerResult(Name, metrics, null, null, null, null, history);
    }
}
