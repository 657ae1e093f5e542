namespace Microsoft.ML.SleepReplay;

/// <summary>The approaches the incremental-task protocol compares (ALGORITHMS.md B.10).</summary>
public enum ContinualApproach
{
    /// <summary>Train on each task, then sleep (SRC).</summary>
    SleepReplay,

    /// <summary>Train on the tasks in order with nothing else.</summary>
    Sequential,

    /// <summary>Sequential, with the outputs of classes absent from the current task left out of the loss.</summary>
    SequentialMasked,

    /// <summary>One network trained on the data of all tasks at once.</summary>
    Parallel,

    /// <summary>One network per task from a shared start, then the mean of their weights.</summary>
    Merging,

    /// <summary>As <see cref="Merging"/>, with each task's weight change from the shared start truncated to rank r (SVD) before averaging.</summary>
    LowRankMerging,
}
