namespace Microsoft.ML.DynamicSparse;

/// <summary>One trial's accuracy over its epochs: max, min, median, last and the (1-based) epoch of the max
/// (the first one when it repeats).</summary>
public sealed record TrialSummary(IReadOnlyDictionary<string, string> Settings, int Seed, SweepMetric Metric,
    double Max, double Min, double Median, double Last, int EpochOfMax)
{
    public static TrialSummary Of(TrialResult trial, SweepMetric metric)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var values = trial.History.Select(r => metric switch
        {
            SweepMetric.TrainAccuracy => r.TrainAccuracy,
            SweepMetric.ValidationAccuracy => r.ValidationAccuracy,
            SweepMetric.NoisyValidationAccuracy => r.NoisyValidationAccuracy,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
        } ?? throw new InvalidOperationException($"Trial seed {trial.Seed} recorded no {metric} in epoch {r.Epoch}.")).ToArray();
        if (values.Length == 0)
            throw new InvalidOperationException($"Trial seed {trial.Seed} has no epochs.");
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double max = sorted[^1];
        return new TrialSummary(trial.Settings, trial.Seed, metric, max, sorted[0], median, values[^1], Array.IndexOf(values, max) + 1);
    }
}
