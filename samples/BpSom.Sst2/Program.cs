using System.Globalization;
using BpSom.Sst2;
using Microsoft.ML;
using Microsoft.ML.BpSom;
using Microsoft.ML.Datasets;
using Microsoft.ML.Runtime;

// Trains the BP-SOM BERT text classifier (BERT → 128 sigmoid units with a 20×20 SOM → softmax) on a GLUE task and the same
// network in Baseline mode (no SOM error; the SOM is still trained and labelled), both from the same seed, and compares them on
// the dev set. From a random BERT-Tiny unless --checkpoint names a Hugging Face folder.
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
var train = loader.Data.LoadGlue(arguments.Task, GlueSplit.Train, arguments.DataDirectory);
if (arguments.MaxTrain is { } maxTrain) train = loader.Data.TakeRows(train, maxTrain);
var dev = loader.Data.LoadGlue(arguments.Task, GlueSplit.Dev, arguments.DataDirectory);
bool pairs = arguments.Task == GlueTask.Mrpc;
string vocabulary = arguments.Vocabulary ?? (arguments.Checkpoint is null ? SharedVocabulary() : Path.Combine(arguments.Checkpoint, "vocab.txt"));
Console.WriteLine($"{arguments.Task}: {(arguments.MaxTrain is { } n ? $"at most {n}" : "all")} training rows, dev set scored after each epoch; " +
                  $"{(arguments.Checkpoint is null ? "random BERT-Tiny" : arguments.Checkpoint)}, at most {arguments.Epochs} epochs, seed {arguments.Seed}");

var results = new List<(string Mode, DevMetrics Metrics, BpSomTextModelParameters Model)>();
foreach (bool baseline in new[] { false, true })
{
    if (arguments.Mode == (baseline ? "bpsom" : "baseline")) continue;
    string mode = baseline ? "baseline" : "BP-SOM";
    Console.WriteLine($"{mode}:");
    var ml = new MLContext(arguments.Seed);
    ml.Log += (_, e) =>
    {
        if (e.Kind >= ChannelMessageKind.Info && e.Source.StartsWith(nameof(BpSomTextClassificationTrainer), StringComparison.Ordinal))
            Console.WriteLine($"  {e.RawMessage}");
    };
    var keys = ml.Transforms.Conversion.MapValueToKey("LabelKey", GlueCatalog.LabelColumnName).Fit(train);
    var options = new BpSomTextClassificationTrainer.Options
    {
        LabelColumnName = "LabelKey",
        SentenceColumnName = GlueCatalog.Sentence1ColumnName,
        SecondSentenceColumnName = pairs ? GlueCatalog.Sentence2ColumnName : null,
        BertCheckpointFolder = arguments.Checkpoint,
        VocabularyPath = vocabulary,
        NumberOfEpochs = arguments.Epochs,
        BatchSize = arguments.BatchSize,
        MaxSequenceLength = arguments.MaxSequenceLength,
        Baseline = baseline,
    };
    if (arguments.LearningRate is { } lr) options.LearningRate = lr;
    var trainer = ml.MulticlassClassification.Trainers.BpSomTextClassification(options);
    var progress = new ConsoleProgress();
    var model = trainer.Fit(keys.Transform(train), keys.Transform(dev), progress);
    var toText = ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel").Fit(model.Transform(keys.Transform(dev)));
    var scored = toText.Transform(model.Transform(keys.Transform(dev)));
    var metrics = DevMetrics.From(ml.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: false).Select(r => (r.Label, r.PredictedText)));
    results.Add((mode, metrics, model.Model));
}

Console.WriteLine();
Console.WriteLine("| mode | dev accuracy | dev F1 | dev MCC | SOM usage (last epoch) | pruned units | hidden | epochs | s/epoch |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (mode, metrics, model) in results)
{
    var last = model.History[^1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {mode} | {100 * metrics.Accuracy:F2}% | {metrics.F1:F4} | {metrics.MatthewsCorrelation:F4} | {last.SomUsagePercent:F1}% | {last.TotalPrunedUnits} | {model.HiddenSize} | {model.History.Count} | {model.History.Average(e => e.Seconds):F1} |"));
}
return 0;

// ../shared/models/bert-base-uncased-vocab/vocab.txt beside the repository, found from the working directory upwards.
static string SharedVocabulary()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "shared", "models", "bert-base-uncased-vocab", "vocab.txt");
        if (File.Exists(candidate)) return candidate;
    }
    throw new FileNotFoundException("No shared/models/bert-base-uncased-vocab/vocab.txt above the working directory; pass --vocab FILE.");
}
