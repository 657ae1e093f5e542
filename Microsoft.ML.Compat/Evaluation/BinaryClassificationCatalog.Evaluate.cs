using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class BinaryClassificationCatalog
{
    /// <summary>
    /// Evaluates a calibrated binary classifier: the rate metrics, AUC and AUPRC from the raw Score (positive when
    /// above 0, as ML.NET's default threshold), log loss and entropy from the Probability column.
    /// </summary>
    public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label,
        string scoreColumnName = DefaultColumnNames.Score, string probabilityColumnName = DefaultColumnNames.Probability,
        string predictedLabelColumnName = DefaultColumnNames.PredictedLabel)
    {
        ArgumentNullException.ThrowIfNull(data);
        var probability = EvaluatorColumns.FindSingle(data.Schema, probabilityColumnName, "probability");
        return Accumulate(data, labelColumnName, scoreColumnName, predictedLabelColumnName, probability, Context).ToCalibratedMetrics();
    }

    /// <summary>Evaluates a binary classifier that has only a raw score (no probability).</summary>
    public BinaryClassificationMetrics EvaluateNonCalibrated(IDataView data, string labelColumnName = DefaultColumnNames.Label,
        string scoreColumnName = DefaultColumnNames.Score, string predictedLabelColumnName = DefaultColumnNames.PredictedLabel)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Accumulate(data, labelColumnName, scoreColumnName, predictedLabelColumnName, probability: null, Context).ToMetrics();
    }

    /// <summary>Reads the rows: a Boolean label, or a number where above 0 is positive and NaN is unlabelled (skipped);
    /// rows with a non-finite score are skipped too. Stops when <see cref="MLContext.CancelExecution"/> is called.</summary>
    private static BinaryMetricsAccumulator Accumulate(IDataView data, string labelColumnName, string scoreColumnName,
        string predictedLabelColumnName, DataViewSchema.Column? probability, MLContext context)
    {
        var label = EvaluatorColumns.Find(data.Schema, labelColumnName, "label",
            t => t == BooleanDataViewType.Instance || t == NumberDataViewType.Single || t == NumberDataViewType.Double, "Boolean, Single or Double");
        var score = EvaluatorColumns.FindSingle(data.Schema, scoreColumnName, "score");
        EvaluatorColumns.Find(data.Schema, predictedLabelColumnName, "predicted label", t => t == BooleanDataViewType.Instance, "Boolean");

        var columns = new List<DataViewSchema.Column> { label, score };
        if (probability is { } p)
            columns.Add(p);
        var accumulator = new BinaryMetricsAccumulator();
        using var cursor = data.GetRowCursor(columns);
        Func<double> labelValue = label.Type == BooleanDataViewType.Instance
            ? BooleanAsNumber(cursor.GetGetter<bool>(label))
            : NumericGetters.AsDouble(cursor, label);
        var scoreGetter = cursor.GetGetter<float>(score);
        var probabilityGetter = probability is { } column ? cursor.GetGetter<float>(column) : null;
        float scoreValue = 0, probabilityValue = float.NaN;
        while (cursor.MoveNext())
        {
            context.CheckAlive();
            double labelNumber = labelValue();
            scoreGetter(ref scoreValue);
            if (double.IsNaN(labelNumber) || !float.IsFinite(scoreValue))
                continue;
            probabilityGetter?.Invoke(ref probabilityValue);
            accumulator.Add(labelNumber > 0, scoreValue, probabilityValue);
        }
        return accumulator;
    }

    private static Func<double> BooleanAsNumber(ValueGetter<bool> getter)
    {
        bool value = false;
        return () =>
        {
            getter(ref value);
            return value ? 1 : 0;
        };
    }
}
