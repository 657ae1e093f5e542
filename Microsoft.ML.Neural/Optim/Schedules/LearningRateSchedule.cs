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
