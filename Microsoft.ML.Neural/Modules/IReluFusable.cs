namespace Microsoft.ML.Neural;

/// <summary>A layer that can apply a following ReLU inside its own op (see <see cref="Sequential.Forward"/>).</summary>
internal interface IReluFusable
{
    /// <summary>relu(Forward(input)) computed as one op.</summary>
    Tensor ForwardRelu(Tensor input);
}
