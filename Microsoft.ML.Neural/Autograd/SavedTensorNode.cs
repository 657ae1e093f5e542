namespace Microsoft.ML.Neural;

/// <summary>The node of a one-input op whose gradient is a function of the output's gradient and
/// one tensor saved by the forward (ReLU: its output; dropout: its mask).</summary>
internal sealed class SavedTensorNode : PooledNode<SavedTensorNode>
{
    private string _name = "";
    private Tensor? _saved;
    private Func<Tensor, Tensor, Tensor>? _backward;

    public override string Name => _name;

    /// <param name="backward">(gradient of the output, saved tensor) → gradient of the input; a static lambda, so no allocation.</param>
    public static SavedTensorNode Rent(string name, Tensor input, Tensor saved, Func<Tensor, Tensor, Tensor> backward)
    {
        var node = RentWithInputs(input);
        (node._name, node._saved, node._backward) = (name, saved, backward);
        return node;
    }

    public override void Run(Tensor gradOutput) => SetGradients(_backward!(gradOutput, _saved!));

    protected override void ClearSaved()
    {
        _saved = null;
        _backward = null;
    }
}
