namespace Microsoft.ML.Neural;

/// <summary>A graph node whose backward is a delegate capturing what the forward saved.</summary>
internal sealed class ClosureNode : GradNode
{
    private readonly string _name;
    private readonly Tensor[] _inputs;
    private readonly Func<Tensor, Tensor?>? _single;
    private readonly Func<Tensor, Tensor?[]>? _many;
    private Tensor? _singleResult;
    private Tensor?[]? _manyResults;

    public ClosureNode(string name, Tensor input, Func<Tensor, Tensor?> backward)
    {
        _name = name;
        _inputs = [input];
        _single = backward;
    }

    public ClosureNode(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        _name = name;
        _inputs = inputs;
        _many = backward;
    }

    public override string Name => _name;

    public override int InputCount => _inputs.Length;

    public override Tensor Input(int i) => _inputs[i];

    public override Tensor? Result(int i) => _single is not null ? _singleResult : _manyResults![i];

    public override void Run(Tensor gradOutput)
    {
        if (_single is not null) _singleResult = _single(gradOutput);
        else
        {
            _manyResults = _many!(gradOutput);
            if (_manyResults.Length != _inputs.Length)
                throw new InvalidOperationException($"The backward of '{Name}' returned {_manyResults.Length} gradients for {_inputs.Length} inputs.");
        }
    }

    public override void Clear()
    {
        _singleResult = null;
        _manyResults = null;
    }
}
