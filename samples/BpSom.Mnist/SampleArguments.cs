using System.Globalization;

namespace BpSom.Mnist;

/// <summary>Command line: [--data DIR] [--train N] [--validation N] [--epochs N] [--test-ratio N] [--seed N].</summary>
internal sealed record SampleArguments(string? DataDirectory, int TrainingRows, int ValidationRows, int Epochs, int TestRatio, int Seed)
{
    public static SampleArguments Parse(string[] args)
    {
        var parsed = new SampleArguments(null, 50_000, 10_000, 20, 1, 1);
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length) throw new ArgumentException($"Option {name} needs a value.");
            string value = args[++i];
            parsed = name switch
            {
                "--data" => parsed with { DataDirectory = value },
                "--train" => parsed with { TrainingRows = Positive(name, value) },
                "--validation" => parsed with { ValidationRows = Positive(name, value) },
                "--epochs" => parsed with { Epochs = Positive(name, value) },
                "--test-ratio" => parsed with { TestRatio = Positive(name, value) },
                "--seed" => parsed with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {name}; known: --data --train --validation --epochs --test-ratio --seed."),
            };
        }
        return parsed;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"Option {name} needs a positive integer, got '{value}'.");
}
