namespace Microsoft.ML.Experiments.Progress;

/// <summary>An <see cref="IProgress{T}"/> that handles each report at once on the reporting thread
/// (<see cref="Progress{T}"/> would post it to the thread pool, out of order with the run's own lines).</summary>
public sealed class LineProgress<T>(Action<T> handle) : IProgress<T>
{
    public void Report(T value) => handle(value);
}
