namespace Microsoft.ML.Neural;

/// <summary>How a tensor was produced: the op's name, its inputs and its local backward, which maps
/// the gradient of the output to the gradients of the inputs.</summary>
/// <remarks>Two kinds: <see cref="ClosureNode"/> wraps a backward delegate (any op, and ops defined
/// outside the core through <see cref="Autograd.Record(string, Tensor, Tensor[], Func{Tensor, Tensor?[]})"/>);
/// <see cref="PooledNode{TSelf}"/> subclasses keep their saved tensors in fields and are recycled by
/// step scopes, so the ops of a training step allocate no graph.</remarks>
internal abstract class GradNode
{
    public abstract string Name { get; }

    public abstract int InputCount { get; }

    public abstract Tensor Input(int i);

    /// <summary>Runs the local backward; afterwards <see cref="Result"/> holds each input's gradient.</summary>
    public abstract void Run(Tensor gradOutput);

    /// <summary>Gradient for input <paramref name="i"/> from the last <see cref="Run"/> (null: none).</summary>
    public abstract Tensor? Result(int i);

    /// <summary>Drops the results so the gradients can be collected.</summary>
    public abstract void Clear();

    /// <summary>Called by a step scope when the node's output is recycled.</summary>
    public virtual void Recycle()
    {
    }
}
