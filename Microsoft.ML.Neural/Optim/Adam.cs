using System.Numerics;

namespace Microsoft.ML.Neural;

/// <summary>Adam (Kingma &amp; Ba) with PyTorch's update rule, fused in one pass per parameter:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
/// Weight decay is L2 (added to g) here and decoupled (θ ← θ(1 − ηλ) first) in <see cref="AdamW"/>.</summary>
public class Adam : Optimizer
{
    public Adam(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0)
        : this(SingleGroup(parameters), learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    public Adam(IEnumerable<ParameterGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0)
        : this(groups, learningRate, beta1, beta2, eps, weightDecay, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<ParameterGroup> groups, double learningRate, double beta1, double beta2, double eps,
        double weightDecay, bool decoupled)
        : base(groups, learningRate, weightDecay)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "Adam: beta1 must be in [0, 1).");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "Adam: beta2 must be in [0, 1).");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "Adam: eps must be non-negative.");
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        Decoupled = decoupled;
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    /// <summary>True for AdamW's decoupled weight decay.</summary>
    public bool Decoupled { get; }

    protected override void Prepare(ParameterGroup group, Dictionary<string, Tensor> state, int count)
    {
        StateTensor(state, "exp_avg", count);
        StateTensor(state, "exp_avg_sq", count);
        StateTensor(state, "step", 1).AsSpan()[0] += 1f;
    }

    protected override void Update(ParameterGroup group, Dictionary<string, Tensor> state, Span<float> p, ReadOnlySpan<float> grad, int offset)
    {
        var m = StateSlice(state, "exp_avg", offset, p.Length);
        var v = StateSlice(state, "exp_avg_sq", offset, p.Length);
        double t = state["step"].AsReadOnlySpan()[0];
        double lr = group.LearningRate, wd = group.WeightDecay;
        float b1 = (float)Beta1, b2 = (float)Beta2;
        float stepSize = (float)(lr / (1 - Math.Pow(Beta1, t)));
        float rootCorrection = (float)Math.Sqrt(1 - Math.Pow(Beta2, t));
        float eps = (float)Eps;
        float decay = Decoupled ? (float)(1 - lr * wd) : 1f;
        float l2 = Decoupled ? 0f : (float)wd;
        int i0 = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vb1 = new Vector<float>(b1);
            var vb2 = new Vector<float>(b2);
            var va1 = new Vector<float>(1f - b1);
            var va2 = new Vector<float>(1f - b2);
            var vStep = new Vector<float>(stepSize);
            var vRoot = new Vector<float>(rootCorrection);
            var vEps = new Vector<float>(eps);
            var vDecay = new Vector<float>(decay);
            var vL2 = new Vector<float>(l2);
            for (; i0 <= p.Length - Vector<float>.Count; i0 += Vector<float>.Count)
            {
                var pv = new Vector<float>(p[i0..]);
                var g = new Vector<float>(grad[i0..]) + vL2 * pv;
                var mi = vb1 * new Vector<float>(m[i0..]) + va1 * g;
                var vi = vb2 * new Vector<float>(v[i0..]) + va2 * g * g;
                mi.CopyTo(m[i0..]);
                vi.CopyTo(v[i0..]);
                (pv * vDecay - vStep * mi / (Vector.SquareRoot(vi) / vRoot + vEps)).CopyTo(p[i0..]);
            }
        }
        for (int i = i0; i < p.Length; i++)
        {
            float g = grad[i] + l2 * p[i];
            float mi = b1 * m[i] + (1f - b1) * g;
            float vi = b2 * v[i] + (1f - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * decay - stepSize * mi / (MathF.Sqrt(vi) / rootCorrection + eps);
        }
    }
}

/// <summary>Adam with decoupled weight decay (Loshchilov &amp; Hutter); the weight decay defaults
/// to PyTorch's 0.01.</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0.01)
        : this(SingleGroup(parameters), learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    public AdamW(IEnumerable<ParameterGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0.01)
        : base(groups, learningRate, beta1, beta2, eps, weightDecay, decoupled: true)
    {
    }
}
