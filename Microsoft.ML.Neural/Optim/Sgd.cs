using System.Numerics;

namespace Microsoft.ML.Neural;

/// <summary>Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and
/// L2 weight decay, with PyTorch's update rule:
/// g ← ∇ + λθ; b ← μb + (1−τ)g (b ← g on the first step); d ← g + μb (Nesterov) or b; θ ← θ − η·d.</summary>
public sealed class Sgd : Optimizer
{
    public Sgd(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : this(SingleGroup(parameters), learningRate, momentum, dampening, weightDecay, nesterov)
    {
    }

    public Sgd(IEnumerable<ParameterGroup> groups, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : base(groups, learningRate, weightDecay)
    {
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "SGD: momentum must be non-negative.");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("SGD: Nesterov momentum needs momentum > 0 and zero dampening.", nameof(nesterov));
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
    }

    public double Momentum { get; }

    public double Dampening { get; }

    public bool Nesterov { get; }

    protected override void Prepare(ParameterGroup group, Dictionary<string, Tensor> state, int count)
    {
        if (Momentum == 0) return;
        StateTensor(state, "momentum_buffer", count);
        StateTensor(state, "step", 1).AsSpan()[0] += 1f;
    }

    protected override void Update(ParameterGroup group, Dictionary<string, Tensor> state, Span<float> p, ReadOnlySpan<float> grad, int offset)
    {
        float lr = (float)group.LearningRate, wd = (float)group.WeightDecay;
        if (Momentum == 0)
        {
            for (int i = 0; i < p.Length; i++) p[i] -= lr * (grad[i] + wd * p[i]);
            return;
        }
        // On the first step the buffer starts at the gradient itself (no decay, no dampening).
        bool first = state["step"].AsReadOnlySpan()[0] == 1f;
        var buffer = StateSlice(state, "momentum_buffer", offset, p.Length);
        float mu = (float)Momentum, keep = first ? 0f : mu, take = first ? 1f : 1f - (float)Dampening;
        int i0 = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vMu = new Vector<float>(mu);
            var vKeep = new Vector<float>(keep);
            var vTake = new Vector<float>(take);
            var vLr = new Vector<float>(lr);
            var vWd = new Vector<float>(wd);
            for (; i0 <= p.Length - Vector<float>.Count; i0 += Vector<float>.Count)
            {
                var pv = new Vector<float>(p[i0..]);
                var g = new Vector<float>(grad[i0..]) + vWd * pv;
                var b = vKeep * new Vector<float>(buffer[i0..]) + vTake * g;
                b.CopyTo(buffer[i0..]);
                var d = Nesterov ? g + vMu * b : b;
                (pv - vLr * d).CopyTo(p[i0..]);
            }
        }
        for (int i = i0; i < p.Length; i++)
        {
            float g = grad[i] + wd * p[i];
            float b = keep * buffer[i] + take * g;
            buffer[i] = b;
            p[i] -= lr * (Nesterov ? g + mu * b : b);
        }
    }
}
