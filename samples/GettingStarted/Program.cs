// The main sample: an ML.NET pipeline with a BP-SOM trainer, end to end.
// Loads MNIST (from ../shared/data, MLNET_DATA_DIR, the cache, or a download); without it, says so and
// runs on a small generated task. Then: fit, evaluate, save, reload, check the reloaded model predicts
// the same, and score one row with a PredictionEngine.
//
//   dotnet run --project samples/GettingStarted -c Release [-- --train-rows N --epochs N]
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.BpSom;
using Microsoft.ML.Data;
using Microsoft.ML.Datasets;
using Microsoft.ML.Runtime;
using GettingStarted;

int trainRows = SampleArgs.Int(args, "--train-rows", 10_000);
int epochs = SampleArgs.Int(args, "--epochs", 10);

var ml = new MLContext(seed: 1);
ml.Log += (_, e) => { if (e.Kind >= ChannelMessageKind.Info) Console.WriteLine($"  {e.RawMessage}"); };

var (train, test, source) = SampleData.Load(ml, trainRows);
Console.WriteLine($"Data: {source}");

var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
    .Append(ml.Transforms.NormalizeMinMax("Features"))
    .Append(ml.MulticlassClassification.Trainers.BpSom(new BpSomTrainer.Options
    {
        HiddenLayerSizes = [100],
        SomGridSize = 10,
        SomErrorWeight = 0.25f,
        LearningRate = 0.05f,
        Momentum = 0.5f,
        NumberOfEpochs = epochs,
        TestRatio = 1,
        Shuffle = true,
    }))
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

var clock = Stopwatch.StartNew();
var model = pipeline.Fit(train);
Console.WriteLine($"Trained in {clock.Elapsed.TotalSeconds:F1} s");

var bpsom = model.GetBpSomModel();
var last = bpsom.History[^1];
Console.WriteLine($"Hidden units left: {string.Join("-", bpsom.HiddenLayerSizes)}; last epoch: {last}");

var scored = model.Transform(test);
var metrics = ml.MulticlassClassification.Evaluate(scored);
Console.WriteLine($"MicroAccuracy = {metrics.MicroAccuracy:F4}, MacroAccuracy = {metrics.MacroAccuracy:F4}, LogLoss = {metrics.LogLoss:F4}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

string path = Path.Combine(Path.GetTempPath(), $"bpsom-getting-started-{Environment.ProcessId}.zip");
ml.Model.Save(model, train.Schema, path);
var reloaded = ml.Model.Load(path, out var inputSchema);
var before = scored.GetColumn<float>("PredictedLabel").ToArray();
var after = reloaded.Transform(test).GetColumn<float>("PredictedLabel").ToArray();
int same = before.Zip(after).Count(p => p.First == p.Second);
Console.WriteLine($"Saved {new FileInfo(path).Length / 1024} KiB to {path}; reloaded model agrees on {same}/{before.Length} rows");
if (same != before.Length) throw new InvalidOperationException("The reloaded model predicts differently from the trained one.");

var engine = ml.Model.CreatePredictionEngine<DigitInput, DigitPrediction>(reloaded, inputSchema);
var first = ml.Data.CreateEnumerable<DigitInput>(test, reuseRowObject: false).First();
var prediction = engine.Predict(first);
Console.WriteLine($"PredictionEngine: first test row has label {first.Label}, predicted {prediction.PredictedLabel} " +
                  $"(score {prediction.Score.Max():F3})");
File.Delete(path);
