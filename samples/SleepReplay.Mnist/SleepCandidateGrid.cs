using Microsoft.ML.SleepReplay;

/// <summary>The sleep settings the protocol chooses from after each task, on validation rows carved from the training set.</summary>
/// <remarks>
/// Every candidate is the setting's published sleep values (MATLAB: the tuned vector of ALGORITHMS.md B.4; Python port:
/// its inc 0.001 / dec 0.0001 with the same β) with plasticity (inc and dec together) scaled by a power of 3 and the
/// firing thresholds by a power of 1.5. Both grids were fixed before their blind runs and are not changed after them;
/// no test accuracy was looked at to choose them.
/// </remarks>
internal static class SleepCandidateGrid
{
    private const double PlasticityStep = 3.0;
    private const double ThresholdStep = 1.5;

    /// <summary>
    /// First blind attempt: plasticity ×1/3, ×1, ×3 and thresholds ×2/3, ×1, ×1.5, nine candidates in that order
    /// (plasticity outer), so the published setting is candidate 4. Kept as it was so that attempt reproduces.
    /// </summary>
    public static IReadOnlyList<SleepOptions> Around(SleepOptions published) =>
        Steps(-1, 1, -1, 1).Select(s => Scale(published, s)).ToList();

    /// <summary>
    /// Second blind attempt: plasticity ×1/27, ×1/9, ×1/3, ×1, ×3 and thresholds ×4/9, ×2/3, ×1, ×1.5, twenty candidates,
    /// ordered by log distance from the published setting (|log plasticity scale| + |log threshold scale|), which comes
    /// first. The protocol keeps the first of equally good candidates, so a validation tie goes to the candidate closest
    /// to the published setting; candidates at the same distance keep the grid order (lower plasticity, then lower threshold).
    /// </summary>
    public static IReadOnlyList<SleepOptions> Wide(SleepOptions published) =>
        Steps(-3, 1, -2, 1).OrderBy(s => s.DistanceFromPublished).Select(s => Scale(published, s)).ToList();

    /// <summary>A grid point as whole steps away from the published setting on each axis.</summary>
    private readonly record struct Step(int Plasticity, int Threshold)
    {
        // Equal step counts give bit-identical distances, so ties are exact and the stable sort settles them by grid order.
        public double DistanceFromPublished =>
            Math.Abs(Plasticity) * Math.Log(PlasticityStep) + Math.Abs(Threshold) * Math.Log(ThresholdStep);
    }

    private static IEnumerable<Step> Steps(int plasticityFrom, int plasticityTo, int thresholdFrom, int thresholdTo) =>
        from p in Enumerable.Range(plasticityFrom, plasticityTo - plasticityFrom + 1)
        from t in Enumerable.Range(thresholdFrom, thresholdTo - thresholdFrom + 1)
        select new Step(p, t);

    private static SleepOptions Scale(SleepOptions published, Step step)
    {
        double plasticity = Power(PlasticityStep, step.Plasticity);
        var o = published.Clone();
        o.Increase *= plasticity;
        o.Decrease *= plasticity;
        o.Threshold *= Power(ThresholdStep, step.Threshold);
        return o;
    }

    /// <summary>
    /// <paramref name="b"/>ⁿ by repeated multiplication, then one division for n &lt; 0: exact for these small powers, so
    /// ×1/3 and ×2/3 are the same doubles as the literals 1.0/3 and 2.0/3 the first attempt multiplied by.
    /// </summary>
    private static double Power(double b, int n)
    {
        double p = 1;
        for (int i = 0; i < Math.Abs(n); i++) p *= b;
        return n < 0 ? 1 / p : p;
    }
}
