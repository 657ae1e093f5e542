using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay;

/// <summary>One class's hidden-layer response before and after a sleep.</summary>
/// <param name="MeanBefore">Mean activation over units and rows of the class, before sleep.</param>
/// <param name="ActiveBefore">Fraction of units with a positive mean activation, before sleep.</param>
/// <param name="CosineDifference">1 − cos(mean activation vector before, after).</param>
public sealed record ClassActivationChange(int Class, double MeanBefore, double MeanAfter, double ActiveBefore, double ActiveAfter, double CosineDifference);

/// <summary>Per-class activation changes of one layer.</summary>
public sealed record LayerActivationChange(int Layer, IReadOnlyList<ClassActivationChange> Classes);

/// <summary>Per-layer, per-class mean activation vectors, and how sleep changed them.</summary>
public static class ActivationSummary
{
    private const int ChunkRows = 500;

    /// <summary>Mean activation vector of each layer for each class present in <paramref name="data"/>: [layer][class] → vector (null if the class is absent).</summary>
    public static double[]?[][] ClassMeans(MlpNetwork network, LabeledSet data)
    {
        int classCount = data.Labels.Length == 0 ? 0 : data.Labels.Max() + 1;
        var sums = new double[]?[network.LayerCount][];
        var counts = new int[classCount];
        for (int l = 0; l < network.LayerCount; l++) sums[l] = new double[]?[classCount];
        for (int start = 0; start < data.Count; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, data.Count - start);
            var acts = network.ForwardAllLayers(data.Features.AsSpan(start * data.FeatureCount, rows * data.FeatureCount), rows);
            for (int r = 0; r < rows; r++)
            {
                int label = data.Labels[start + r];
                counts[label]++;
                for (int l = 0; l < network.LayerCount; l++)
                {
                    int width = network.OutputsOf(l);
                    var sum = sums[l][label] ??= new double[width];
                    var a = acts[l].AsSpan(r * width, width);
                    for (int u = 0; u < width; u++) sum[u] += a[u];
                }
            }
        }
        foreach (var layer in sums)
            for (int c = 0; c < classCount; c++)
                if (layer[c] is { } v) for (int u = 0; u < v.Length; u++) v[u] /= counts[c];
        return sums;
    }

    /// <summary>Compares class means taken before and after sleep (same network shape, same data).</summary>
    public static IReadOnlyList<LayerActivationChange> Compare(double[]?[][] before, double[]?[][] after)
    {
        var layers = new List<LayerActivationChange>();
        for (int l = 0; l < before.Length; l++)
        {
            var classes = new List<ClassActivationChange>();
            for (int c = 0; c < before[l].Length; c++)
            {
                if (before[l][c] is not { } b || after[l][c] is not { } a) continue;
                classes.Add(new ClassActivationChange(c, b.Average(), a.Average(),
                    b.Count(x => x > 0) / (double)b.Length, a.Count(x => x > 0) / (double)a.Length, 1 - Cosine(b, a)));
            }
            layers.Add(new LayerActivationChange(l, classes));
        }
        return layers;
    }

    /// <summary>Cosine similarity; 1 when both vectors are zero (nothing changed), 0 when only one is.</summary>
    public static double Cosine(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double dot = 0, nx = 0, ny = 0;
        for (int i = 0; i < x.Count; i++) { dot += x[i] * y[i]; nx += x[i] * x[i]; ny += y[i] * y[i]; }
        if (nx == 0 && ny == 0) return 1;
        if (nx == 0 || ny == 0) return 0;
        return dot / Math.Sqrt(nx * ny);
    }
}
