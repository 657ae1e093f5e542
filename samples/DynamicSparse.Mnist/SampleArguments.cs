using System.Globalization;
using Microsoft.ML.Datasets;

namespace DynamicSparse.Mnist;

/// <summary>Command line: --data DIR --out DIR --epochs N --seeds N --train-limit N --parallel N --noise STD
/// --hebbian LIST --weight LIST (comma-separated prune percentages; default 0,0.2,0.4 each).</summary>
internal sealed record SampleArguments(string DataDirectory, string OutputDirectory, int Epochs, int Seeds, int TrainLimit,
    int Parallel, double NoiseStd, double[] HebbianPrune, double[] WeightPrune)
{
    public static SampleArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Argument {i + 1} ('{args[i]}'): expected '--name value'.");
            values[args[i][2..]] = args[i + 1];
        }
        var known = new[] { "data", "out", "epochs", "seeds", "train-limit", "parallel", "noise", "hebbian", "weight" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new ArgumentException($"Unknown option '--{unknown}'; known: {string.Join(", ", known.Select(k => "--" + k))}.");
        return new SampleArguments(
            // Without --data, MNIST is found (or downloaded) the way ml.Data.LoadMnist finds it.
            values.TryGetValue("data", out var data) ? data : DatasetLocator.Default.LocateMnist(MnistVariant.Mnist, MnistSplit.Train),
            values.GetValueOrDefault("out", "dsnn-sweep"),
            Int(values, "epochs", 30), Int(values, "seeds", 3), Int(values, "train-limit", 0), Int(values, "parallel", 0),
            Number(values.GetValueOrDefault("noise", "0"), "noise"),
            List(values, "hebbian"), List(values, "weight"));
    }

    private static double[] List(Dictionary<string, string> values, string name) =>
        values.GetValueOrDefault(name, "0,0.2,0.4").Split(',').Select(v => Number(v, name)).ToArray();

    private static double Number(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0
            ? value
            : throw new ArgumentException($"--{name}: '{text}' is not a non-negative number.");

    private static int Int(Dictionary<string, string> values, string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0
            ? value
            : throw new ArgumentException($"--{name} must be a non-negative integer, got '{text}'.");
    }
}
