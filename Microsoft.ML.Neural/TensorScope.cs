namespace Microsoft.ML.Neural;

/// <summary>A region whose tensors borrow pooled storage. Ending the scope returns every array
/// rented inside it to a per-thread pool and marks its tensors released, so a training step run
/// in a scope allocates no tensor storage after the first step; a step scope
/// (<see cref="BeginStep"/>) also recycles the tensor objects and graph nodes, so the step
/// allocates nothing at all.</summary>
/// <example>
/// <code>
/// for (int step = 0; step &lt; steps; step++)
/// {
///     using var scope = TensorScope.BeginStep();
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

    [ThreadStatic] private static Stack<TensorScope>? t_stepScopes;
    [ThreadStatic] private static Stack<Tensor>? t_recycled;

    private TensorScope? _parent;
    private readonly List<Tensor> _tensors;
    private readonly List<float[]> _rented;
    private bool _recycles;
    private bool _disposed;

    private TensorScope()
    {
        var free = t_freeLists;
        (_tensors, _rented) = free is { Count: > 0 } ? free.Pop() : (new List<Tensor>(), new List<float[]>());
    }

    /// <summary>Starts a scope on this thread; dispose it (innermost first) to release its tensors.
    /// Reading a tensor of an ended scope throws.</summary>
    public static TensorScope Begin() => Enter(new TensorScope(), recycles: false);

    /// <summary>Starts a scope for one training or inference step, which recycles more than
    /// <see cref="Begin"/> does: besides storage, the tensor objects, graph nodes and the scope itself
    /// are handed out again by the next step on this thread, so a steady loop of steps allocates
    /// nothing. The price: a tensor kept from an ended step scope may come back as another tensor of
    /// a later step, and that misuse is not always caught. Read what you need (<c>loss.Item()</c>)
    /// before the scope ends, or take it out with <see cref="Tensor.DetachFromScope"/>.</summary>
    public static TensorScope BeginStep()
    {
        var pool = t_stepScopes;
        var scope = pool is { Count: > 0 } ? pool.Pop() : new TensorScope();
        scope._disposed = false;
        return Enter(scope, recycles: true);
    }

    private static TensorScope Enter(TensorScope scope, bool recycles)
    {
        scope._parent = t_current;
        scope._recycles = recycles;
        return t_current = scope;
    }

    /// <summary>A tensor object released by an earlier step scope, for reuse; null outside step scopes.</summary>
    internal Tensor? TakeRecycled() => _recycles && t_recycled is { Count: > 0 } stack ? stack.Pop() : null;

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
        foreach (var a in _rented) BufferPool.Return(a);
        _rented.Clear();
        _disposed = true;
        t_current = _parent;
        _parent = null;
        if (_recycles)
        {
            var recycled = t_recycled ??= new();
            foreach (var t in _tensors)
            {
                t.GradFn?.Recycle();
                t.ResetForReuse();
                recycled.Push(t);
            }
            _tensors.Clear();
            (t_stepScopes ??= new()).Push(this);
            return;
        }
        foreach (var t in _tensors) t.Release();
        _tensors.Clear();
        (t_freeLists ??= new()).Push((_tensors, _rented));
    }
}
