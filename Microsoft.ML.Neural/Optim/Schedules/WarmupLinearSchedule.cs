namespace Microsoft.ML.Neural;

/// <summary>Linear warm-up from 0 over <c>warmupSteps</c>, then linear decay to 0 at <c>totalSteps</c>
/// (the schedule BERT fine-tuning uses).</summary>
public sealed class WarmupLinearSchedule : LearningRateSchedule
{
    private readonly int _warmup;
    private readonly int _total;

    public WarmupLinearSchedule(Optimizer optimizer, int warmupSteps, int totalSteps) : base(optimizer)
    {
        if (warmupSteps < 0 || totalSteps <= 0 || warmupSteps > totalSteps)
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), $"WarmupLinearSchedule needs 0 ≤ warmup ({warmupSteps}) ≤ total ({totalSteps}) and total > 0.");
        _warmup = warmupSteps;
        _total = totalSteps;
        Apply();
    }

    protected override double LearningRateAt(double initial, int step)
    {
        if (step < _warmup) return initial * step / _warmup;
        if (_total == _warmup) return 0;
        return initial * Math.Max(0.0, (double)(_total - step) / (_total - _warmup));
    }
}
