namespace Microsoft.ML.SleepReplay;

/// <summary>Which training rows drive the sleep after a task (ALGORITHMS.md B.3).</summary>
public enum SleepDataScope
{
    /// <summary>Python port: the current task's training rows.</summary>
    CurrentTask,

    /// <summary>MATLAB: the training rows of every task seen so far.</summary>
    TasksSoFar,
}
