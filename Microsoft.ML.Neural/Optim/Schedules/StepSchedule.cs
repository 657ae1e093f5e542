namespace Microsoft.ML.Neural;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>stepSize</c> steps.</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepSchedule(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        if (stepSize <= 0) throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "StepSchedule: the step size must be positive.");
        _stepSize = stepSize;
        _gamma = gamma;
        Apply();
    }

    protected override double LearningRateAt(double initial, int step) => initial * Math.Pow(_gamma, step / _stepSize);
}
