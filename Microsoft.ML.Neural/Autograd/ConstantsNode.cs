namespace Microsoft.ML.Neural;

/// <summary>The node of a one-input op whose gradient is a function of the output's gradient, the input
/// and up to two constants of the op (multiplication by c, a power, clamp bounds).</summary>
internal sealed class ConstantsNode : PooledNode<ConstantsNode>
{
    private string _name = "";
    private float _a, _b;
    private Func<Tensor, Tensor, float, float, Tensor>? _backward;

    public override string Name => _name;

    /// <param name="backward">(gradient of the output, input, a, b) → gradient of the input; a static lambda, so no allocation.</param>
    public static ConstantsNode Rent(string name, Tensor input, float a, float b, Func<Tensor, Tensor, float, float, Tensor> backward)
    {
        var node = RentWithInputs(input);
        (node._name, node._a, node._b, node._backward) = (name, a, b, backward);
        return node;
    }

    public override void Run(Tensor gradOutput) => SetGradients(_backward!(gradOutput, Input(0), _a, _b));

    protected override void ClearSaved() => _backward = null;
}
