using Microsoft.ML.SleepReplay;

/// <summary>The sleep settings the protocol chooses from after each task, on validation rows carved from the training set.</summary>
internal static class SleepCandidateGrid
{
    // Fixed before the blind run and not changed after it: the setting's published sleep values
    // (MATLAB: the tuned vector of ALGORITHMS.md B.4; Python port: its inc 0.001 / dec 0.0001 with
    // the same β) and a neighbourhood that is symmetric on a log scale around them: plasticity (inc
    // and dec together) ×1/3, ×1, ×3 and firing thresholds ×2/3, ×1, ×1.5. Nine candidates; the
    // published setting is candidate 4. No test accuracy was looked at to choose these numbers.
    private static readonly double[] PlasticityScales = [1.0 / 3, 1.0, 3.0];
    private static readonly double[] ThresholdScales = [2.0 / 3, 1.0, 1.5];

    public static IReadOnlyList<SleepOptions> Around(SleepOptions published)
    {
        var grid = new List<SleepOptions>();
        foreach (double plasticity in PlasticityScales)
            foreach (double threshold in ThresholdScales)
            {
                var o = published.Clone();
                o.Increase *= plasticity;
                o.Decrease *= plasticity;
                o.Threshold *= threshold;
                grid.Add(o);
            }
        return grid;
    }
}
