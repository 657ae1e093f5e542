namespace Microsoft.ML.SleepReplay;

/// <summary>The approaches the incremental-task protocol compares (ALGORITHMS.md B.10).</summary>
public enum ContinualApproach
{
    /// <summary>Train on each task, then sleep (SRC).</summary>
    SleepReplay,

    /// <summary>Train on the tasks in order with nothing else.</summary>
    Sequential,

    /// <summary>
    /// The Python port's "Sequential (cheat)": plain sequential training; after each task the
    /// last-layer weight columns indexed by the task's class ids are set to 0 (hidden-unit columns,
    /// a quirk of the port), and at evaluation the current task's class scores are set to 0 for
    /// test rows of the other tasks.
    /// </summary>
    SequentialMasked,

    /// <summary>Sequential, with the outputs of classes absent from the current task left out of the training loss (this library's earlier masked baseline).</summary>
    SequentialLossMasked,

    /// <summary>One network trained on the whole training set (all classes, every row) at once.</summary>
    Parallel,

    /// <summary>One network per task from a shared start, then the mean of their weights.</summary>
    Merging,

    /// <summary>
    /// The Python port's low-rank merging: one rank-r factorized network (W = U·V per layer) per task
    /// from a shared start, each multiplied out to dense weights, then their mean.
    /// </summary>
    LowRankMerging,

    /// <summary>As <see cref="Merging"/>, with each task's weight change from the shared start truncated to rank r (SVD) before averaging (this library's earlier low-rank baseline).</summary>
    LowRankChangeMerging,

    /// <summary>The port's reference for low-rank merging: one rank-r factorized network trained on the whole training set.</summary>
    LowRankParallel,
}
