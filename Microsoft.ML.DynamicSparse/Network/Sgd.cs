namespace Microsoft.ML.DynamicSparse;

/// <summary>SGD with momentum and L2 weight decay exactly as torch.optim.SGD (no dampening, no Nesterov):
/// d = g + λ·p; v ← μ·v + d; p ← p − lr·v.</summary>
internal readonly record struct Sgd(float LearningRate, float Momentum, float WeightDecay)
{
    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> velocity)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            float v = Momentum * velocity[i] + gradients[i] + WeightDecay * parameters[i];
            velocity[i] = v;
            parameters[i] -= LearningRate * v;
        }
    }
}
