using Microsoft.ML.SleepReplay;

/// <summary>A small grid of sleep settings around a base setting, for choosing on validation data.</summary>
internal static class SleepCandidateGrid
{
    public static IReadOnlyList<SleepOptions> Around(SleepOptions baseOptions)
    {
        var grid = new List<SleepOptions>();
        // Around the base: plasticity ×1 and ×3, thresholds ×1 to ×2 (a first sweep showed lower thresholds and ×10 plasticity doing worse).
        foreach (double rate in new[] { 1.0, 3.0 })
            foreach (double threshold in new[] { 1.0, 1.5, 2.0 })
            {
                var o = baseOptions.Clone();
                o.Increase *= rate;
                o.Decrease *= rate;
                o.Threshold *= threshold;
                grid.Add(o);
            }
        return grid;
    }
}
