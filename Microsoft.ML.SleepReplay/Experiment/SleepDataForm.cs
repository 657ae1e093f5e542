namespace Microsoft.ML.SleepReplay;

/// <summary>What the sleep input is drawn from, out of the rows its <see cref="SleepDataScope"/> names.</summary>
public enum SleepDataForm
{
    /// <summary>The rows themselves (both references): each step's intensity mixes whichever rows it samples.</summary>
    Rows,

    /// <summary>
    /// One mean image per class of the scope. Each step replays a single class: with the masked-mean input, one class
    /// mean drawn at random (the step's sample count is taken as 1), so a step never blends several classes. Only the
    /// means of earlier classes need keeping, not their rows.
    /// </summary>
    ClassMeans,
}
