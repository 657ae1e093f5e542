using Microsoft.ML.Datasets;
using Microsoft.ML.Data;
using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

/// <summary>Three classes in 12 features: class c lights up features 4c..4c+3 (plus noise), so a small sparse MLP
/// separates them within a few epochs.</summary>
internal static class Blobs
{
    public const int FeatureCount = 12;

    public sealed class Row
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    public static LabeledSet Arrays(int count, int seed)
    {
        var rows = Rows(count, seed);
        return new LabeledSet(rows.SelectMany(r => r.Features).ToArray(), rows.Select(r => r.Label[1] - '0').ToArray(), FeatureCount);
    }

    public static IDataView Keyed(MLContext ml, int count, int seed)
    {
        var data = ml.Data.LoadFromEnumerable(Rows(count, seed));
        return ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
    }

    public static DynamicSparseTrainer.Options SmallOptions(int epochs = 4) => new()
    {
        HiddenLayers = [16, 16],
        OnPercent = 0.5,
        WeightPrunePercent = 0.2,
        HebbianPrunePercent = 0.2,
        HebbianGrow = false,
        Epochs = epochs,
        BatchSize = 10,
        Seed = 3,
    };

    private static List<Row> Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            int c = i % 3;
            var x = Enumerable.Range(0, FeatureCount).Select(_ => random.NextSingle() * 0.3f).ToArray();
            for (int f = 4 * c; f < 4 * c + 4; f++) x[f] += 1;
            return new Row { Features = x, Label = "c" + c };
        }).ToList();
    }
}
