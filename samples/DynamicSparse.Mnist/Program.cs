// Runs the Hebbian/magnitude pruning grid of ALGORITHMS.md part C on MNIST (validation = test set, as in the
// reference) and prints the per-trial table and the pivot of validation accuracy max (mean ± std over seeds).
// Trials are stored under --out as they run; rerunning the same command skips the finished ones.
using System.Diagnostics;
using DynamicSparse.Mnist;
using Microsoft.ML.Datasets;
using Microsoft.ML.DynamicSparse;

var arguments = SampleArguments.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var train = Load(MnistSplit.Train, arguments.TrainLimit);
var test = Load(MnistSplit.Test, 0);
var options = new DynamicSparseTrainer.Options { Epochs = arguments.Epochs, NoiseStd = arguments.NoiseStd };
var grid = new SweepGrid(Enumerable.Range(1, arguments.Seeds).ToArray())
    .Add(nameof(options.HebbianPrunePercent), arguments.HebbianPrune.Cast<object?>().ToArray())
    .Add(nameof(options.WeightPrunePercent), arguments.WeightPrune.Cast<object?>().ToArray())
    .Add(nameof(options.HebbianGrow), true, false);
var trials = grid.Trials(options);
Console.WriteLine($"{trials.Count} trials of {arguments.Epochs} epochs on {train.Count} training images, results in {arguments.OutputDirectory}");

var clock = Stopwatch.StartNew();
var results = SweepRunner.Run(trials, train, test, arguments.OutputDirectory, arguments.Parallel,
    new Progress<string>(Console.WriteLine), cancel.Token);
Console.WriteLine($"sweep wall time {clock.Elapsed.TotalMinutes:F1} min");

var summaries = SweepTables.Summarize(results, SweepMetric.ValidationAccuracy);
Console.WriteLine();
Console.WriteLine(SweepTables.Trials(summaries));
foreach (var grow in new[] { "True", "False" })
{
    Console.WriteLine($"validation accuracy max, HebbianGrow = {grow} (mean ± std over seeds)");
    Console.WriteLine(SweepTables.Pivot(summaries.Where(s => s.Settings["HebbianGrow"] == grow),
        s => s.Max, nameof(options.HebbianPrunePercent), nameof(options.WeightPrunePercent)));
}
if (arguments.NoiseStd > 0)
{
    var noisy = SweepTables.Summarize(results, SweepMetric.NoisyValidationAccuracy);
    Console.WriteLine($"noisy validation accuracy max (noise std {arguments.NoiseStd}), all growth modes");
    Console.WriteLine(SweepTables.Pivot(noisy, s => s.Max, nameof(options.HebbianPrunePercent), nameof(options.WeightPrunePercent)));
}

LabeledSet Load(MnistSplit split, int limit)
{
    var mnist = MnistIdx.Read(arguments.DataDirectory, split);
    int count = limit > 0 ? Math.Min(limit, mnist.Count) : mnist.Count;
    const int features = MnistArrays.PixelsPerImage;
    return new LabeledSet(mnist.Pixels.AsSpan(0, count * features).ToArray(),
        mnist.Labels.AsSpan(0, count).ToArray().Select(l => (int)l).ToArray(), features);
}
