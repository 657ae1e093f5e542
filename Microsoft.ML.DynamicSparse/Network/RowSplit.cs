namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Runs a loop over rows [0, count) in two halves at once: the upper half on a thread-pool thread, the lower half on
/// the caller, which then waits for the other. Each row is computed exactly as it would be alone, so results do not
/// depend on the split. The instance is its own work item and the bodies are cached delegates, so a split allocates
/// nothing. Not reentrant: one split at a time per instance.
/// </summary>
internal sealed class RowSplit : IThreadPoolWorkItem
{
    private readonly ManualResetEventSlim _done = new(false);
    private Action<int, int>? _body;
    private int _from, _to;
    private Exception? _error;

    /// <summary>Calls <paramref name="body"/>(first, end) for the two halves of [0, <paramref name="count"/>).</summary>
    public void Run(int count, Action<int, int> body)
    {
        if (count < 2)
        {
            body(0, count);
            return;
        }
        int half = count / 2;
        _body = body;
        _from = half;
        _to = count;
        _error = null;
        _done.Reset();
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        try
        {
            body(0, half);
        }
        finally
        {
            _done.Wait();
            _body = null;
        }
        if (_error is not null)
            throw new AggregateException("The second half of a row split failed.", _error);
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            _body!(_from, _to);
        }
        catch (Exception error)
        {
            _error = error;
        }
        finally
        {
            _done.Set();
        }
    }
}
