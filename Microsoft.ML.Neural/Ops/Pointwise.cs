namespace Microsoft.ML.Neural;

/// <summary>Element-wise functions and activations.</summary>
public static partial class TensorOps
{
    public static Tensor Exp(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Exp(s, d));
        return Autograd.RecordSaved("exp", y, x, y, static (g, y) => g.Mul(y));
    }

    public static Tensor Log(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Log(s, d));
        return Autograd.RecordSaved("log", y, x, x, static (g, s) => PointwiseGrad<LogGrad>(g, s));
    }

    public static Tensor Sqrt(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Sqrt(s, d));
        return Autograd.RecordSaved("sqrt", y, x, y, static (g, s) => PointwiseGrad<SqrtGrad>(g, s));
    }

    public static Tensor Abs(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Abs(s, d));
        return Autograd.RecordSaved("abs", y, x, x, static (g, s) => PointwiseGrad<AbsGrad>(g, s));
    }

    /// <summary>x raised to a constant power.</summary>
    public static Tensor Pow(this Tensor x, float exponent)
    {
        var y = UnaryForward(x, exponent, static (s, p, d) => TensorPrimitives.Pow(s, p, d));
        return Autograd.RecordWithConstants("pow", y, x, exponent, 0f, static (g, x, p, _) => g.Mul(x.Pow(p - 1f)).Mul(p));
    }

    /// <summary>x².</summary>
    public static Tensor Square(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Multiply(s, s, d));
        return Autograd.RecordSaved("square", y, x, x, static (g, x) => g.Mul(x).Mul(2f));
    }

    public static Tensor Relu(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Max(s, 0f, d));
        return Autograd.RecordSaved("relu", y, x, y, static (g, y) => ReluMasked(g, y));
    }

    /// <summary>The gradient through a ReLU with output <paramref name="y"/>: g where y &gt; 0, else 0.</summary>
    internal static Tensor ReluMasked(Tensor g, Tensor y)
    {
        var gx = Tensor.Uninitialized(y.Dims);
        Pointwise.ReluBackward(g.ContiguousData().AsReadOnlySpan(), y.AsReadOnlySpan(), gx.AsSpan());
        return gx;
    }

    public static Tensor Sigmoid(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Sigmoid(s, d));
        return Autograd.RecordSaved("sigmoid", y, x, y, static (g, s) => PointwiseGrad<SigmoidGrad>(g, s));
    }

    public static Tensor Tanh(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) => TensorPrimitives.Tanh(s, d));
        return Autograd.RecordSaved("tanh", y, x, y, static (g, s) => PointwiseGrad<TanhGrad>(g, s));
    }

    /// <summary>GELU with the exact normal CDF: x·Φ(x) = x·(1 + erf(x/√2))/2.</summary>
    public static Tensor Gelu(this Tensor x)
    {
        var y = UnaryForward(x, 0f, static (s, _, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = (float)(0.5 * s[i] * (1.0 + Pointwise.Erf(s[i] / Math.Sqrt(2.0))));
        });
        return Autograd.RecordSaved("gelu", y, x, x, static (g, s) => PointwiseGrad<GeluGrad>(g, s));
    }

    /// <summary>Step function: 1 where x &gt; 0, <paramref name="valueAtZero"/> where x = 0, else 0.
    /// Not differentiable: the result never requires grad.</summary>
    public static Tensor Heaviside(this Tensor x, float valueAtZero = 0f) =>
        UnaryForward(x, valueAtZero, static (s, v, d) =>
        {
            for (int i = 0; i < d.Length; i++) d[i] = s[i] > 0f ? 1f : s[i] == 0f ? v : 0f;
        });

    /// <summary>Each element clamped to [min, max]; the gradient passes where it was inside.</summary>
    public static Tensor Clamp(this Tensor x, float min, float max)
    {
        if (min > max) throw new ArgumentException($"Clamp: min {min} exceeds max {max}.");
        var y = Tensor.Uninitialized(x.Dims);
        TensorPrimitives.Clamp(x.ContiguousData().AsReadOnlySpan(), min, max, y.AsSpan());
        return Autograd.RecordWithConstants("clamp", y, x, min, max, static (g, x, min, max) => InsideGradient(g, x, min, max));
    }

    /// <summary>The gradient where <paramref name="x"/> lay inside [min, max], else 0.</summary>
    private static Tensor InsideGradient(Tensor g, Tensor x, float min, float max)
    {
        var xs = x.ContiguousData().AsReadOnlySpan();
        var gx = Tensor.Uninitialized(x.Dims);
        var gs = g.ContiguousData().AsReadOnlySpan();
        var d = gx.AsSpan();
        for (int i = 0; i < d.Length; i++) d[i] = xs[i] >= min && xs[i] <= max ? gs[i] : 0f;
        return gx;
    }

    /// <summary>Applies a backward rule element-wise to the gradient and a saved tensor of the same shape.</summary>
    private static Tensor PointwiseGrad<TK>(Tensor g, Tensor saved) where TK : IPointwiseGrad
    {
        var gx = Tensor.Uninitialized(saved.Dims);
        Pointwise.Run<TK>(g.ContiguousData().AsReadOnlySpan(), saved.ContiguousData().AsReadOnlySpan(), gx.AsSpan());
        return gx;
    }
}
