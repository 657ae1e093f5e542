namespace Microsoft.ML.Neural;

/// <summary>Cosine annealing from the initial rate to <c>minimum</c> over <c>period</c> steps
/// (η = η_min + (η₀ − η_min)(1 + cos(π·t/T))/2), held at the minimum afterwards.</summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    private readonly int _period;
    private readonly double _minimum;

    public CosineSchedule(Optimizer optimizer, int period, double minimum = 0) : base(optimizer)
    {
        if (period <= 0) throw new ArgumentOutOfRangeException(nameof(period), period, "CosineSchedule: the period must be positive.");
        _period = period;
        _minimum = minimum;
        Apply();
    }

    protected override double LearningRateAt(double initial, int step) =>
        _minimum + (initial - _minimum) * (1 + Math.Cos(Math.PI * Math.Min(step, _period) / _period)) / 2;
}
