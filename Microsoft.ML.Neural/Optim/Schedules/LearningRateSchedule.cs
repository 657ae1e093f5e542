namespace Microsoft.ML.Neural;

/// <summary>Sets each parameter group's learning rate from its initial value as a function of the
/// step count. The rate for step 0 is applied on construction; each <see cref="Step"/> advances
/// one step (call it after <see cref="Optimizer.Step"/>, per batch or per epoch).</summary>
public abstract class LearningRateSchedule
{
    protected LearningRateSchedule(Optimizer optimizer)
    {
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
    }

    public Optimizer Optimizer { get; }

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Learning rate of the first group after the last update.</summary>
    public double LastLearningRate => Optimizer.Groups[0].LearningRate;

    public void Step()
    {
        StepCount++;
        Apply();
    }

    /// <summary>Jumps to <paramref name="stepCount"/> (when resuming from a checkpoint).</summary>
    public void Restore(int stepCount)
    {
        if (stepCount < 0) throw new ArgumentOutOfRangeException(nameof(stepCount), stepCount, "The step count must be non-negative.");
        StepCount = stepCount;
        Apply();
    }

    /// <summary>Call at the end of a derived constructor, once its settings are stored.</summary>
    protected void Apply()
    {
        foreach (var g in Optimizer.Groups) g.LearningRate = LearningRateAt(g.InitialLearningRate, StepCount);
    }

    /// <summary>The learning rate at <paramref name="step"/> for a group that started at <paramref name="initial"/>.</summary>
    protected abstract double LearningRateAt(double initial, int step);
}

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
