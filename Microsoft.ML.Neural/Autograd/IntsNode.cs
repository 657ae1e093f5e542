namespace Microsoft.ML.Neural;

/// <summary>The node of a one-input op whose gradient is a function of the output's gradient, the input
/// and an int array of the op (a permutation, the dimensions a transpose swapped, a reduction's kept shape).</summary>
internal sealed class IntsNode : PooledNode<IntsNode>
{
    private string _name = "";
    private int[]? _ints;
    private Func<Tensor, Tensor, int[], Tensor>? _backward;

    public override string Name => _name;

    /// <param name="ints">A shared array (<see cref="ShapeCache"/>): never mutated.</param>
    /// <param name="backward">(gradient of the output, input, ints) → gradient of the input; a static lambda, so no allocation.</param>
    public static IntsNode Rent(string name, Tensor input, int[] ints, Func<Tensor, Tensor, int[], Tensor> backward)
    {
        var node = RentWithInputs(input);
        (node._name, node._ints, node._backward) = (name, ints, backward);
        return node;
    }

    public override void Run(Tensor gradOutput) => SetGradients(_backward!(gradOutput, Input(0), _ints!));

    protected override void ClearSaved()
    {
        _ints = null;
        _backward = null;
    }
}
