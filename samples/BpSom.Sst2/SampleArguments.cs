using System.Globalization;
using Microsoft.ML.Datasets;

namespace BpSom.Sst2;

/// <summary>Command line: [--task sst2|mrpc|cola] [--mode both|bpsom|baseline] [--epochs N] [--max-train N] [--checkpoint DIR]
/// [--vocab FILE] [--data DIR] [--lr X] [--batch N] [--max-seq N] [--seed N].</summary>
internal sealed record SampleArguments(GlueTask Task, string Mode, int Epochs, int? MaxTrain, string? Checkpoint, string? Vocabulary,
    string? DataDirectory, float? LearningRate, int BatchSize, int MaxSequenceLength, int Seed)
{
    private const string Known = "--task --mode --epochs --max-train --checkpoint --vocab --data --lr --batch --max-seq --seed";

    public static SampleArguments Parse(string[] args)
    {
        var parsed = new SampleArguments(GlueTask.Sst2, "both", 5, null, null, null, null, null, 32, 64, 1);
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length) throw new ArgumentException($"Option {name} needs a value.");
            string value = args[++i];
            parsed = name switch
            {
                "--task" => parsed with { Task = TaskOf(value) },
                "--mode" => parsed with { Mode = value is "both" or "bpsom" or "baseline" ? value : throw new ArgumentException($"--mode is both, bpsom or baseline, not '{value}'.") },
                "--epochs" => parsed with { Epochs = Positive(name, value) },
                "--max-train" => parsed with { MaxTrain = Positive(name, value) },
                "--checkpoint" => parsed with { Checkpoint = value },
                "--vocab" => parsed with { Vocabulary = value },
                "--data" => parsed with { DataDirectory = value },
                "--lr" => parsed with { LearningRate = float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float lr) && lr > 0 ? lr : throw new ArgumentException($"--lr needs a positive number, got '{value}'.") },
                "--batch" => parsed with { BatchSize = Positive(name, value) },
                "--max-seq" => parsed with { MaxSequenceLength = Positive(name, value) },
                "--seed" => parsed with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {name}; known: {Known}."),
            };
        }
        return parsed;
    }

    private static GlueTask TaskOf(string value) => value switch
    {
        "sst2" => GlueTask.Sst2,
        "mrpc" => GlueTask.Mrpc,
        "cola" => GlueTask.Cola,
        _ => throw new ArgumentException($"--task is sst2, mrpc or cola, not '{value}'."),
    };

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"Option {name} needs a positive integer, got '{value}'.");
}
