namespace Microsoft.ML.Neural;

public sealed class ReLU : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Relu();
}

public sealed class Sigmoid : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

public sealed class Tanh : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>GELU with the exact erf form.</summary>
public sealed class GELU : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Gelu();
}
