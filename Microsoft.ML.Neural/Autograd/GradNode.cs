namespace Microsoft.ML.Neural;

/// <summary>How a tensor was produced: the op's name, its inputs and its local backward,
/// which maps the gradient of the output to the gradients of the inputs.</summary>
internal sealed class GradNode
{
    private readonly Func<Tensor, Tensor?>? _single;
    private readonly Func<Tensor, Tensor?[]>? _many;

    public GradNode(string name, Tensor input, Func<Tensor, Tensor?> backward)
    {
        Name = name;
        Inputs = [input];
        _single = backward;
    }

    public GradNode(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        Name = name;
        Inputs = inputs;
        _many = backward;
    }

    public string Name { get; }

    public Tensor[] Inputs { get; }

    /// <summary>Gradient for input <paramref name="i"/> from the last <see cref="Run"/>.</summary>
    public Tensor? Result(int i) => _single is not null ? _singleResult : _manyResults![i];

    private Tensor? _singleResult;
    private Tensor?[]? _manyResults;

    public void Run(Tensor gradOutput)
    {
        if (_single is not null) _singleResult = _single(gradOutput);
        else
        {
            _manyResults = _many!(gradOutput);
            if (_manyResults.Length != Inputs.Length)
                throw new InvalidOperationException($"The backward of '{Name}' returned {_manyResults.Length} gradients for {Inputs.Length} inputs.");
        }
    }

    /// <summary>Drops the results so the gradients can be collected.</summary>
    public void Clear()
    {
        _singleResult = null;
        _manyResults = null;
    }
}
