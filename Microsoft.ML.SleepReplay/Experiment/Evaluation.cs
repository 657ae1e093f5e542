using Microsoft.ML.Datasets;

namespace Microsoft.ML.SleepReplay;

/// <summary>Classification accuracy of an <see cref="MlpNetwork"/> (argmax of the scores).</summary>
public static class Evaluation
{
    private const int ChunkRows = 500;

    /// <summary>
    /// Predicted class (argmax of the scores, first on ties) of every row. With
    /// <paramref name="zeroScore"/>, score c of a row labelled y is set to 0 before the argmax
    /// wherever zeroScore(y, c) holds (the Python port's label-aware "cheat" evaluation).
    /// </summary>
    public static int[] Predict(MlpNetwork network, LabeledSet data, Func<int, int, bool>? zeroScore = null)
    {
        var predictions = new int[data.Count];
        int classes = network.OutputSize;
        for (int start = 0; start < data.Count; start += ChunkRows)
        {
            int rows = Math.Min(ChunkRows, data.Count - start);
            var scores = network.Score(data.Features.AsSpan(start * data.FeatureCount, rows * data.FeatureCount), rows);
            for (int r = 0; r < rows; r++)
            {
                var row = scores.AsSpan(r * classes, classes);
                if (zeroScore != null)
                    for (int c = 0; c < classes; c++)
                        if (zeroScore(data.Labels[start + r], c)) row[c] = 0f;
                int best = 0;
                for (int c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
                predictions[start + r] = best;
            }
        }
        return predictions;
    }

    /// <summary>Fraction of rows whose highest score is at their label; NaN for an empty set.</summary>
    public static double Accuracy(MlpNetwork network, LabeledSet data) => Accuracy(Predict(network, data), data.Labels, _ => true);

    /// <summary>Accuracy over the rows whose label satisfies <paramref name="include"/>; NaN if there are none.</summary>
    public static double Accuracy(int[] predictions, int[] labels, Func<int, bool> include)
    {
        int correct = 0, total = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (!include(labels[i])) continue;
            total++;
            if (predictions[i] == labels[i]) correct++;
        }
        return total == 0 ? double.NaN : (double)correct / total;
    }
}
