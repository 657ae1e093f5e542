using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class MulticlassClassificationCatalog
{
    /// <summary>
    /// Evaluates scored data with ML.NET's definitions: the predicted class is the highest entry of the Score
    /// vector (the PredictedLabel column must exist but does not drive the metrics); a key label k is class k-1
    /// and rows with the missing key 0 (or a NaN label) are skipped, as are rows with a NaN score.
    /// </summary>
    /// <param name="topKPredictionCount">K for <see cref="MulticlassClassificationMetrics.TopKAccuracy"/> (0 = not reported).</param>
    public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label,
        string scoreColumnName = DefaultColumnNames.Score, string predictedLabelColumnName = DefaultColumnNames.PredictedLabel,
        int topKPredictionCount = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(topKPredictionCount);
        var label = EvaluatorColumns.FindClassLabel(data.Schema, labelColumnName);
        var score = EvaluatorColumns.Find(data.Schema, scoreColumnName, "score",
            t => t is VectorDataViewType { IsKnownSize: true } v && v.ItemType == NumberDataViewType.Single, "known-size Vector<Single>");
        ColumnChecks.FindColumn(data.Schema, predictedLabelColumnName, "predicted label");

        int classCount = ((VectorDataViewType)score.Type).Size;
        var accumulator = new MulticlassMetricsAccumulator(classCount);
        using (var cursor = data.GetRowCursor(new[] { label, score }))
        {
            var labelValue = NumericGetters.AsDouble(cursor, label);
            var scoreGetter = cursor.GetGetter<VBuffer<float>>(score);
            bool isKey = label.Type is KeyDataViewType;
            var scores = new float[classCount];
            VBuffer<float> scoreVector = default;
            while (cursor.MoveNext())
            {
                Context.CheckAlive();
                double raw = labelValue();
                // Key 0 and NaN are missing labels; keys are 1-based, numeric labels are the class index itself.
                if (double.IsNaN(raw) || (isKey && raw == 0))
                    continue;
                double classIndex = isKey ? raw - 1 : raw;
                if (classIndex < 0 || classIndex != Math.Floor(classIndex) || classIndex > int.MaxValue)
                    throw new InvalidOperationException(
                        $"Label value {raw} in row {cursor.Position} of column '{labelColumnName}' is not a class index (a non-negative integer).");

                scoreGetter(ref scoreVector);
                if (scoreVector.Length != classCount)
                    throw new InvalidOperationException(
                        $"Score vector in row {cursor.Position} of column '{scoreColumnName}' has {scoreVector.Length} values; its type declares {classCount}.");
                scoreVector.CopyTo(scores);
                if (Array.Exists(scores, float.IsNaN))
                    continue;
                accumulator.Add((int)classIndex, scores);
            }
        }
        return accumulator.ToMetrics(topKPredictionCount, ClassNames(score, classCount));
    }

    /// <summary>The Score column's slot names when it has one per class, else "0", "1", ...</summary>
    private static ReadOnlyMemory<char>[] ClassNames(DataViewSchema.Column score, int classCount)
    {
        if (score.HasSlotNames(classCount))
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            score.GetSlotNames(ref names);
            return names.DenseValues().ToArray();
        }
        return Enumerable.Range(0, classCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture).AsMemory()).ToArray();
    }
}
