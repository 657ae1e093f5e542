namespace Microsoft.ML.Neural;

/// <summary>A region whose tensors borrow pooled storage. Ending the scope returns every array
/// rented inside it to a per-thread pool and marks its tensors released, so a training step run
/// in a scope allocates no tensor storage after the first step.</summary>
/// <example>
/// <code>
/// for (int step = 0; step &lt; steps; step++)
/// {
///     using var scope = TensorScope.Begin();
///     optimizer.ZeroGrad();
///     var loss = TensorOps.CrossEntropy(model.Forward(x), labels);
///     loss.Backward();
///     optimizer.Step();
///     lossValue = loss.Item();      // read values before the scope ends
/// }
/// </code>
/// Parameters, gradients of leaves, optimizer state and running statistics are allocated outside
/// any scope. A tensor that must outlive its scope: <see cref="Tensor.DetachFromScope"/>.
/// </example>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic] private static TensorScope? t_current;
    [ThreadStatic] private static Stack<(List<Tensor>, List<float[]>)>? t_freeLists;

    private readonly TensorScope? _parent;
    private readonly List<Tensor> _tensors;
    private readonly List<float[]> _rented;
    private bool _disposed;

    private TensorScope(TensorScope? parent)
    {
        _parent = parent;
        var free = t_freeLists;
        (_tensors, _rented) = free is { Count: > 0 } ? free.Pop() : (new List<Tensor>(), new List<float[]>());
    }

    /// <summary>Starts a scope on this thread; dispose it (innermost first) to release its tensors.</summary>
    public static TensorScope Begin() => t_current = new TensorScope(t_current);

    internal static TensorScope? Current => t_current;

    internal void Track(Tensor tensor)
    {
        _tensors.Add(tensor);
        tensor.Scope = this;
    }

    internal float[] Rent(int count)
    {
        var array = BufferPool.Rent(count);
        _rented.Add(array);
        return array;
    }

    /// <summary>Hands <paramref name="tensor"/> and its storage to the parent scope, or to the
    /// garbage collector when there is none.</summary>
    internal void Disown(Tensor tensor, bool toParent)
    {
        _tensors.Remove(tensor);
        var storage = tensor.Storage;
        bool owned = _rented.Remove(storage);
        tensor.Scope = null;
        var target = toParent ? _parent : null;
        if (target is null) return;
        target.Track(tensor);
        if (owned) target._rented.Add(storage);
    }

    public void Dispose()
    {
        if (_disposed) return;
        if (!ReferenceEquals(t_current, this))
            throw new InvalidOperationException("TensorScopes must be disposed innermost first, on the thread that began them.");
        foreach (var t in _tensors) t.Release();
        foreach (var a in _rented) BufferPool.Return(a);
        _tensors.Clear();
        _rented.Clear();
        (t_freeLists ??= new()).Push((_tensors, _rented));
        _disposed = true;
        t_current = _parent;
    }
}
