namespace Microsoft.ML.Neural;

/// <summary>Applies its modules in order; they are named "0", "1", … as in PyTorch unless named explicitly.</summary>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> _layers = new();

    /// <summary>An empty sequence; add layers with <see cref="Append(Module{Tensor, Tensor})"/>.</summary>
    public Sequential()
    {
    }

    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        foreach (var layer in layers) Append(layer);
    }

    public Sequential(params (string Name, Module<Tensor, Tensor> Layer)[] layers)
    {
        foreach (var (name, layer) in layers) Append(name, layer);
    }

    public IReadOnlyList<Module<Tensor, Tensor>> Layers => _layers;

    public Sequential Append(Module<Tensor, Tensor> layer) => Append(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);

    public Sequential Append(string name, Module<Tensor, Tensor> layer)
    {
        _layers.Add(RegisterModule(name, layer));
        return this;
    }

    /// <summary>Runs the layers in order. A <see cref="Linear"/> or <see cref="BatchNorm1d"/>
    /// followed by a <see cref="ReLU"/> runs as one fused op (same result, one pass less); so does a
    /// <see cref="Linear"/> followed by a <see cref="BatchNorm1d"/> in evaluation mode (and a ReLU)
    /// when no graph is being recorded.</summary>
    public override Tensor Forward(Tensor input)
    {
        for (int i = 0; i < _layers.Count; i++)
        {
            if (_layers[i] is Linear linear && i + 1 < _layers.Count && _layers[i + 1] is BatchNorm1d { IsTraining: false } norm
                && norm.Features == linear.OutFeatures
                && TensorOps.CanFuseLinearBatchNorm(input, linear.Weight, linear.Bias, norm.Weight, norm.Bias))
            {
                bool relu = i + 2 < _layers.Count && _layers[i + 2] is ReLU;
                input = TensorOps.LinearBatchNormInference(input, linear.Weight, linear.Bias,
                    norm.RunningMean, norm.RunningVar, norm.Weight, norm.Bias, norm.Eps, relu);
                i += relu ? 2 : 1;
            }
            else if (_layers[i] is IReluFusable fusable && i + 1 < _layers.Count && _layers[i + 1] is ReLU)
            {
                input = fusable.ForwardRelu(input);
                i++;
            }
            else input = _layers[i].Forward(input);
        }
        return input;
    }
}
