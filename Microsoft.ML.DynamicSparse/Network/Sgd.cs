using System.Runtime.Intrinsics;

namespace Microsoft.ML.DynamicSparse;

/// <summary>SGD with momentum and L2 weight decay exactly as torch.optim.SGD (no dampening, no Nesterov):
/// d = g + λ·p; v ← μ·v + d; p ← p − lr·v.</summary>
internal readonly record struct Sgd(float LearningRate, float Momentum, float WeightDecay)
{
    public void Update(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> velocity)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var momentum = Vector256.Create(Momentum);
            var decay = Vector256.Create(WeightDecay);
            var rate = Vector256.Create(LearningRate);
            for (; i + Vector256<float>.Count <= parameters.Length; i += Vector256<float>.Count)
            {
                var p = Vector256.Create(parameters.Slice(i));
                var v = momentum * Vector256.Create(velocity.Slice(i)) + Vector256.Create(gradients.Slice(i)) + decay * p;
                v.CopyTo(velocity.Slice(i));
                (p - rate * v).CopyTo(parameters.Slice(i));
            }
        }
        for (; i < parameters.Length; i++)
        {
            float v = Momentum * velocity[i] + gradients[i] + WeightDecay * parameters[i];
            velocity[i] = v;
            parameters[i] -= LearningRate * v;
        }
    }
}
