namespace Microsoft.ML.Neural;

/// <summary>Multiplies the rate by <c>gamma</c> at each milestone step.</summary>
public sealed class MultiStepSchedule : LearningRateSchedule
{
    private readonly int[] _milestones;
    private readonly double _gamma;

    public MultiStepSchedule(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) : base(optimizer)
    {
        _milestones = milestones.OrderBy(m => m).ToArray();
        _gamma = gamma;
        Apply();
    }

    protected override double LearningRateAt(double initial, int step) => initial * Math.Pow(_gamma, _milestones.Count(m => m <= step));
}
