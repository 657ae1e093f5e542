using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microsoft.ML.Experiments.Running;

/// <summary>Writes <c>metrics.json</c> (status, the trainers' metrics, times, model files, confusion tables, the best trainer)
/// and <c>history.json</c> (per trainer, one entry per epoch). Non-finite numbers are written as null (JSON has no NaN).</summary>
public static class ResultFiles
{
    public const string MetricsFile = "metrics.json";
    public const string HistoryFile = "history.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(RunFolder folder, string verb, ExperimentOutcome outcome)
    {
        folder.WriteText(MetricsFile, Metrics(verb, outcome).ToJsonString(Indented));
        var history = new JsonObject();
        foreach (var trainer in outcome.Trainers)
            history[trainer.Name] = new JsonArray([.. trainer.History.Select(Entry)]);
        folder.WriteText(HistoryFile, history.ToJsonString(Indented));
    }

    private static JsonObject Metrics(string verb, ExperimentOutcome outcome)
    {
        var trainers = new JsonArray();
        foreach (var trainer in outcome.Trainers)
        {
            var metrics = new JsonObject();
            foreach (var metric in trainer.Metrics)
                metrics[metric.Name] = Value(metric.Value);
            var entry = new JsonObject
            {
                ["name"] = trainer.Name,
                ["metrics"] = metrics,
                ["trainingSeconds"] = Value(trainer.TrainingTime?.TotalSeconds),
                ["modelFile"] = trainer.ModelFile is null ? null : Path.GetFileName(trainer.ModelFile),
                ["modelBytes"] = trainer.ModelBytes,
            };
            if (trainer.Confusion is { } confusion)
            {
                entry["confusion"] = new JsonObject
                {
                    ["classes"] = new JsonArray([.. confusion.Classes.Select(c => (JsonNode?)c)]),
                    ["counts"] = new JsonArray([.. confusion.Counts.Select(row => (JsonNode?)new JsonArray([.. row.Select(v => Value(v))]))]),
                };
            }
            trainers.Add(entry);
        }
        var run = new JsonObject
        {
            ["verb"] = verb,
            ["status"] = outcome.Cancelled ? "cancelled" : "completed",
            ["primaryMetric"] = outcome.PrimaryMetric,
            ["best"] = outcome.Best is { } best ? outcome.Trainers[best].Name : null,
            ["trainers"] = trainers,
        };
        if (outcome.NotRun.Count > 0)
            run["notRun"] = new JsonArray([.. outcome.NotRun.Select(name => (JsonNode?)name)]);
        return run;
    }

    private static JsonObject Entry(IReadOnlyDictionary<string, object?> epoch)
    {
        var entry = new JsonObject();
        foreach (var (name, value) in epoch)
            entry[name] = Value(value);
        return entry;
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        float f => float.IsFinite(f) ? JsonValue.Create(f) : null,
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Value)]),
        _ => JsonValue.Create(value.ToString()),
    };
}
