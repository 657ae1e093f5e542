namespace Microsoft.ML.Neural;

/// <summary>A graph node of a built-in op that keeps up to three inputs and their gradients in fields.
/// Nodes come from a per-thread pool and go back to it when a step scope recycles their output, so a
/// steady training loop builds its graph without allocating.</summary>
/// <typeparam name="TSelf">The concrete node; it adds the op's saved tensors and settings as fields.</typeparam>
internal abstract class PooledNode<TSelf> : GradNode where TSelf : PooledNode<TSelf>, new()
{
    [ThreadStatic] private static Stack<TSelf>? t_free;

    private Tensor? _input0, _input1, _input2;
    private Tensor? _grad0, _grad1, _grad2;
    private int _inputCount;

    /// <summary>A cleared node from this thread's pool (or a new one) with the given inputs.</summary>
    protected static TSelf RentWithInputs(Tensor input0, Tensor? input1 = null, Tensor? input2 = null)
    {
        if (input1 is null && input2 is not null)
            throw new ArgumentException("Pooled node inputs go in order: a third input needs a second.", nameof(input1));
        var node = t_free is { Count: > 0 } free ? free.Pop() : new TSelf();
        node._input0 = input0;
        node._input1 = input1;
        node._input2 = input2;
        node._inputCount = input2 is not null ? 3 : input1 is not null ? 2 : 1;
        return node;
    }

    public override int InputCount => _inputCount;

    public override Tensor Input(int i) => i switch
    {
        0 => _input0!,
        1 => _input1!,
        2 => _input2!,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public override Tensor? Result(int i) => i switch
    {
        0 => _grad0,
        1 => _grad1,
        2 => _grad2,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    /// <summary>Sets the gradients of the inputs, in input order.</summary>
    protected void SetGradients(Tensor? grad0, Tensor? grad1 = null, Tensor? grad2 = null) =>
        (_grad0, _grad1, _grad2) = (grad0, grad1, grad2);

    public override void Clear() => SetGradients(null);

    public sealed override void Recycle()
    {
        _input0 = _input1 = _input2 = null;
        Clear();
        ClearSaved();
        (t_free ??= new()).Push((TSelf)this);
    }

    /// <summary>Drops the tensors the forward saved for backward.</summary>
    protected abstract void ClearSaved();
}
