using Microsoft.ML.Data;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.SleepReplay;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Experiments.Verbs.Continual;

/// <summary>Saves approaches' final networks as ML.NET models (<c>model-&lt;approach&gt;.zip</c>) that take MNIST rows as
/// <c>mlContext.Data.LoadMnist</c> gives them and add <c>Score</c> and <c>PredictedLabel</c> (keys whose values are the digits),
/// so <c>mlContext.Model.Load</c> and <c>MulticlassClassification.Evaluate</c> work on them as on the other verbs' models.</summary>
public sealed class ContinualModels(MLContext ml, DataViewSchema inputSchema, RunFolder folder)
{
    /// <summary>The approaches whose networks are saved: SRC and the plain sequential training it is measured against. Not all
    /// of them, since a network of the default size (784-4000-4000-10) takes about 76 MB.</summary>
    public static IReadOnlySet<ContinualApproach> Saved { get; } = new HashSet<ContinualApproach> { ContinualApproach.SleepReplay, ContinualApproach.Sequential };

    public static string FileName(ContinualApproach approach) => $"model-{approach}.zip";

    /// <summary>Saves <paramref name="result"/>'s network if its approach is one of <see cref="Saved"/>; returns the file, or null.</summary>
    public string? Save(ApproachResult result)
    {
        if (!Saved.Contains(result.Approach))
            return null;
        // The label keys are the classes 0…K−1 by value, taken from that list rather than from the data, so the key count
        // matches the network's K outputs (output c is class c) even when the test subset lacks a class.
        var classes = new ArrayDataViewBuilder()
            .AddColumn(MnistCatalog.LabelColumnName, NumberDataViewType.Single, [.. Enumerable.Range(0, result.Model.ScoreCount).Select(c => (float)c)])
            .GetDataView();
        var keys = ml.Transforms.Conversion.MapValueToKey(MnistCatalog.LabelColumnName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(classes);
        var scorer = new MulticlassPredictionTransformer<MlpModelParameters>(result.Model, keys.GetOutputSchema(inputSchema),
            MnistCatalog.FeaturesColumnName, MnistCatalog.LabelColumnName);
        string file = folder.File(FileName(result.Approach));
        ml.Model.Save(keys.Append(scorer), inputSchema, file);
        return file;
    }
}
