namespace Microsoft.ML.Neural;

public sealed partial class Tensor
{
    private bool _requiresGrad;
    private Tensor? _gradBuffer;
    private List<Func<Tensor, Tensor>>? _hooks;

    internal GradNode? GradFn;
    internal Tensor? PendingGrad;
    internal int VisitStamp;
    internal bool RetainsGrad;

    /// <summary>Whether gradients flow to this tensor. Settable on leaves only; a tensor produced
    /// by a recorded op requires grad by construction.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad || GradFn is not null;
        set
        {
            if (GradFn is not null)
                throw new InvalidOperationException($"RequiresGrad can only be set on leaf tensors; this one was produced by '{GradFn.Name}'. Use Detach() for a leaf copy.");
            _requiresGrad = value;
        }
    }

    internal bool IsLeafRequiringGrad => _requiresGrad && GradFn is null;

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor.</summary>
    public Tensor RequireGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>True when not produced by a recorded op.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>Name of the op that produced this tensor, or null for a leaf.</summary>
    public string? GradFnName => GradFn?.Name;

    /// <summary>Accumulated gradient (leaves, and tensors marked with <see cref="RetainGrad"/>);
    /// null until a backward pass reaches this tensor. Setting null starts accumulation afresh
    /// and keeps the storage for reuse.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>Keeps the gradient of a non-leaf tensor in <see cref="Grad"/> during backward.</summary>
    public void RetainGrad() => RetainsGrad = true;

    /// <summary>Runs the backward pass from this tensor. Without <paramref name="gradient"/> the
    /// tensor must hold one element, whose gradient is 1.</summary>
    public void Backward(Tensor? gradient = null) => Autograd.Backward(this, gradient);

    /// <summary>A leaf view of the same storage that records no history.</summary>
    public Tensor Detach() => new(Storage, Offset, Dims, Strides);

    /// <summary>Registers <paramref name="hook"/> to run on the gradient flowing into this tensor
    /// during backward, after contributions from all consumers are summed and before the gradient
    /// is stored or propagated further. The hook returns the gradient to use instead (return the
    /// argument unchanged to only observe it). Dispose the result to remove the hook.</summary>
    public IDisposable RegisterHook(Func<Tensor, Tensor> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        if (!RequiresGrad) throw new InvalidOperationException("RegisterHook: the tensor does not require grad, so no gradient will reach it.");
        (_hooks ??= new()).Add(hook);
        return new HookHandle(this, hook);
    }

    private sealed class HookHandle(Tensor owner, Func<Tensor, Tensor> hook) : IDisposable
    {
        public void Dispose() => owner._hooks?.Remove(hook);
    }

    internal Tensor ApplyHooks(Tensor gradient)
    {
        if (_hooks is null) return gradient;
        foreach (var hook in _hooks)
        {
            var replaced = hook(gradient) ?? throw new InvalidOperationException("A gradient hook returned null; return the gradient unchanged to only observe it.");
            if (!Shapes.Equal(replaced.Dims, Dims))
                throw new InvalidOperationException($"A gradient hook returned shape {Shapes.Format(replaced.Dims)} for a tensor of shape {Shapes.Format(Dims)}.");
            gradient = replaced;
        }
        return gradient;
    }

    /// <summary>Lets a backward function write this leaf's gradient straight into <see cref="Grad"/>,
    /// skipping a temporary and the engine's copy (weight gradients of large layers). Returns the
    /// tensor to write and whether to add to it (true) or overwrite it (false); the op then returns
    /// null as this input's gradient. Returns null, and the gradient must go through the engine,
    /// when hooks, gradient retention or anomaly mode need to see it.</summary>
    internal Tensor? DirectGradTarget(out bool accumulate)
    {
        accumulate = false;
        if (!IsLeafRequiringGrad || _hooks is { Count: > 0 } || Autograd.IsAnomalyDetectionEnabled) return null;
        if (Grad is { IsReleased: false } grad)
        {
            accumulate = true;
            return grad.IsContiguous ? grad : null;
        }
        if (_gradBuffer is null || !Shapes.Equal(_gradBuffer.Dims, Dims)) _gradBuffer = Persistent(Dims);
        Grad = _gradBuffer;
        return _gradBuffer;
    }

    /// <summary>Adds <paramref name="gradient"/> into <see cref="Grad"/>, whose storage belongs to
    /// no scope and is reused after <c>Grad = null</c>.</summary>
    internal void AccumulateGrad(Tensor gradient)
    {
        if (Grad is { IsReleased: false } grad)
        {
            grad.AddInPlace(gradient);
            return;
        }
        if (_gradBuffer is null || !Shapes.Equal(_gradBuffer.Dims, Dims)) _gradBuffer = Persistent(Dims);
        Strided.CopyTo(gradient, _gradBuffer.AsSpan());
        Grad = _gradBuffer;
    }
}
