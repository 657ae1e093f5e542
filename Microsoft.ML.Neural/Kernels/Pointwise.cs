using System.Numerics;

namespace Microsoft.ML.Neural.Kernels;

/// <summary>A backward rule d = f(g, s) applied element by element, where g is the output
/// gradient and s a saved forward value (input or output, as the op chooses).</summary>
internal interface IPointwiseGrad
{
    static abstract float Apply(float g, float s);
}

internal static class Pointwise
{
    public static void Run<TK>(ReadOnlySpan<float> g, ReadOnlySpan<float> s, Span<float> d) where TK : IPointwiseGrad
    {
        for (int i = 0; i < d.Length; i++) d[i] = TK.Apply(g[i], s[i]);
    }

    /// <summary>d = g where y &gt; 0, else 0 (ReLU's backward from its output), vectorised.</summary>
    public static void ReluBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> d)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= d.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var yv = new Vector<float>(y[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(yv, Vector<float>.Zero), new Vector<float>(g[i..]), Vector<float>.Zero).CopyTo(d[i..]);
            }
        for (; i < d.Length; i++) d[i] = y[i] > 0f ? g[i] : 0f;
    }

    /// <summary>erf by Abramowitz–Stegun 7.1.26 (absolute error below 1.5e-7, under float32's resolution near 1).</summary>
    public static double Erf(double x)
    {
        double sign = x < 0 ? -1.0 : 1.0;
        x = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return sign * (1.0 - poly * Math.Exp(-x * x));
    }
}

internal readonly struct SigmoidGrad : IPointwiseGrad
{
    public static float Apply(float g, float y) => g * y * (1f - y);
}

internal readonly struct TanhGrad : IPointwiseGrad
{
    public static float Apply(float g, float y) => g * (1f - y * y);
}

/// <summary>d/dx of x·Φ(x) = Φ(x) + x·φ(x).</summary>
internal readonly struct GeluGrad : IPointwiseGrad
{
    public static float Apply(float g, float x)
    {
        double cdf = 0.5 * (1.0 + Pointwise.Erf(x / Math.Sqrt(2.0)));
        double pdf = Math.Exp(-0.5 * x * x) / Math.Sqrt(2.0 * Math.PI);
        return (float)(g * (cdf + x * pdf));
    }
}

internal readonly struct LogGrad : IPointwiseGrad
{
    public static float Apply(float g, float x) => g / x;
}

internal readonly struct SqrtGrad : IPointwiseGrad
{
    public static float Apply(float g, float y) => g * 0.5f / y;
}

internal readonly struct AbsGrad : IPointwiseGrad
{
    public static float Apply(float g, float x) => x > 0f ? g : x < 0f ? -g : 0f;
}
