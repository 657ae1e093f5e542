using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class RegressionCatalog
{
    /// <summary>Evaluates a regression model; rows with a NaN label or a non-finite score are skipped, as in ML.NET.</summary>
    public RegressionMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label,
        string scoreColumnName = DefaultColumnNames.Score)
    {
        ArgumentNullException.ThrowIfNull(data);
        var label = EvaluatorColumns.FindReal(data.Schema, labelColumnName, "label");
        var score = EvaluatorColumns.FindSingle(data.Schema, scoreColumnName, "score");
        var accumulator = new RegressionMetricsAccumulator();
        using var cursor = data.GetRowCursor(new[] { label, score });
        var labelValue = NumericGetters.AsDouble(cursor, label);
        var scoreGetter = cursor.GetGetter<float>(score);
        float scoreValue = 0;
        while (cursor.MoveNext())
        {
            Context.CheckAlive();
            double labelNumber = labelValue();
            scoreGetter(ref scoreValue);
            if (!double.IsNaN(labelNumber) && float.IsFinite(scoreValue))
                accumulator.Add(labelNumber, scoreValue);
        }
        return accumulator.ToMetrics();
    }
}
