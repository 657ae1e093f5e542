using System.Diagnostics;
using BpSom.Mnist;
using Microsoft.ML;
using Microsoft.ML.BpSom;
using Microsoft.ML.Datasets;
using Microsoft.ML.Runtime;

// Trains the original BP-SOM network 784-100-10 with a 10×10 SOM (α = 0.25) and the same network with α = 0
// (plain backprop; the SOM is still trained and labelled), both from the same seed, and compares them on the MNIST test set.
// The first --train training images are learned, the next --validation images select the best network and stop early.
SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
var loader = new MLContext(arguments.Seed);
var allTraining = loader.Data.LoadMnist(MnistSplit.Train, arguments.DataDirectory);
var training = loader.Data.TakeRows(allTraining, arguments.TrainingRows);
var validation = loader.Data.TakeRows(loader.Data.SkipRows(allTraining, arguments.TrainingRows), arguments.ValidationRows);
var test = loader.Data.LoadMnist(MnistSplit.Test, arguments.DataDirectory);
Console.WriteLine($"MNIST: {arguments.TrainingRows} training, {arguments.ValidationRows} validation, 10000 test images; " +
                  $"at most {arguments.Epochs} epochs, validation every {arguments.TestRatio}; seed {arguments.Seed}");

foreach (float alpha in new[] { 0.25f, 0f })
{
    var ml = new MLContext(arguments.Seed);
    ml.Log += (_, e) =>
    {
        if (e.Kind >= ChannelMessageKind.Info && e.Source.StartsWith(nameof(BpSomTrainer), StringComparison.Ordinal))
            Console.WriteLine($"  {e.RawMessage}");
    };
    var keys = ml.Transforms.Conversion.MapValueToKey("Label").Fit(training);
    var trainer = ml.MulticlassClassification.Trainers.BpSom(new BpSomTrainer.Options
    {
        HiddenLayerSizes = [100],
        SomGridSize = 10,
        SomErrorWeight = alpha,
        NumberOfEpochs = arguments.Epochs,
        TestRatio = arguments.TestRatio,
    });
    Console.WriteLine($"α = {alpha}:");
    var clock = Stopwatch.StartNew();
    var model = trainer.Fit(keys.Transform(training), keys.Transform(validation));
    double seconds = clock.Elapsed.TotalSeconds;
    var metrics = ml.MulticlassClassification.Evaluate(model.Transform(keys.Transform(test)));

    var parameters = model.Model;
    var best = parameters.History.Last(epoch => epoch.IsBest);
    int pruned = 100 - parameters.HiddenLayerSizes[0];
    var map = parameters.Maps[0];
    int labelled = map.Labels.ToArray().Count(label => label > 0);
    Console.WriteLine($"  test accuracy {100 * metrics.MicroAccuracy:F2}%, kept epoch {best.Epoch} of {parameters.History.Count}, " +
                      $"SOM usage {best.SomUsagePercent:F1}% (that epoch; last {parameters.History[^1].SomUsagePercent:F1}%), pruned {pruned} of 100 hidden units, " +
                      $"labelled cells {labelled}/{map.CellCount}, time {seconds:F0} s");
}
return 0;
