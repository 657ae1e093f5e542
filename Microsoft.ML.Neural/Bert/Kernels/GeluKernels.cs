using System.Numerics;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Neural.Bert;

/// <summary>The exact (erf) GELU of BERT and torch.nn.functional.gelu: gelu(x) = x·Φ(x), with
/// Φ(x) = (1 + erf(x/√2))/2. erf uses Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7,
/// the approximation PyTorch's vectorised CPU erf uses), whose exp(−x²/2) is also the Gaussian
/// density the derivative needs: a training forward pass computes gelu and gelu' together with one
/// exponential per element and keeps gelu', so the backward pass is a single multiply.</summary>
internal static class GeluKernels
{
    private const float InvSqrt2 = 0.70710678118654752f;
    private const float InvSqrt2Pi = 0.39894228040143268f;
    private const float P = 0.3275911f, A1 = 0.254829592f, A2 = -0.284496736f, A3 = 1.421413741f, A4 = -1.453152027f, A5 = 1.061405429f;

    /// <summary>y = gelu(u), elementwise.</summary>
    public static void Forward(ReadOnlySpan<float> u, Span<float> y) => Run(u, y, Span<float>.Empty);

    /// <summary>y = gelu(u) and, in place of u, gelu'(u) = Φ(u) + u·φ(u) for <see cref="Backward"/>.</summary>
    public static void ForwardKeepingDerivative(Span<float> u, Span<float> y) => Run(u, y, u);

    /// <summary>du = dy · gelu'(u) from the derivative <see cref="ForwardKeepingDerivative"/> kept;
    /// <paramref name="du"/> may be <paramref name="dy"/>.</summary>
    public static unsafe void Backward(ReadOnlySpan<float> derivative, ReadOnlySpan<float> dy, Span<float> du)
    {
        const int chunk = 4096;
        fixed (float* pd = derivative, pdy = dy, pdu = du)
        {
            var (dp, dyp, dup) = ((nint)pd, (nint)pdy, (nint)pdu);
            int length = du.Length;
            RowParallel.For((length + chunk - 1) / chunk, chunk, (first, last) =>
            {
                int start = first * chunk, count = Math.Min(length, last * chunk) - start;
                TensorPrimitives.Multiply(new ReadOnlySpan<float>((float*)dyp + start, count), new ReadOnlySpan<float>((float*)dp + start, count),
                    new Span<float>((float*)dup + start, count));
            });
        }
    }

    private static unsafe void Run(ReadOnlySpan<float> u, Span<float> y, Span<float> derivative)
    {
        fixed (float* pu = u, py = y, pd = derivative)
        {
            var (up, yp, dp) = ((nint)pu, (nint)py, (nint)pd);
            bool keep = !derivative.IsEmpty;
            // Blocks are whole vectors so every block but the last runs fully vectorised.
            int vectors = (u.Length + Vector<float>.Count - 1) / Vector<float>.Count;
            int length = u.Length;
            RowParallel.For(vectors, 30L * Vector<float>.Count, (first, last) =>
            {
                int start = first * Vector<float>.Count, end = Math.Min(length, last * Vector<float>.Count);
                Compute(new ReadOnlySpan<float>((float*)up + start, end - start), new Span<float>((float*)yp + start, end - start),
                    keep ? new Span<float>((float*)dp + start, end - start) : default);
            });
        }
    }

    /// <summary>gelu of each u into y and, when <paramref name="derivative"/> is not empty, gelu' into it
    /// (which may overlap u element for element: each u is read before its derivative is written).</summary>
    private static void Compute(ReadOnlySpan<float> u, Span<float> y, Span<float> derivative)
    {
        bool keep = !derivative.IsEmpty;
        var uv = MemoryMarshal.Cast<float, Vector<float>>(u);
        var yv = MemoryMarshal.Cast<float, Vector<float>>(y);
        var dv = MemoryMarshal.Cast<float, Vector<float>>(derivative);
        for (int k = 0; k < uv.Length; k++)
        {
            var x = uv[k];
            var cdf = new Vector<float>(0.5f) * (Vector<float>.One + Erf(x * new Vector<float>(InvSqrt2), out var gauss));
            yv[k] = x * cdf;
            if (keep) dv[k] = cdf + x * gauss * new Vector<float>(InvSqrt2Pi);
        }
        for (int i = uv.Length * Vector<float>.Count; i < u.Length; i++)
        {
            float x = u[i];
            float cdf = 0.5f * (1f + Erf(x * InvSqrt2, out float gauss));
            y[i] = x * cdf;
            if (keep) derivative[i] = cdf + x * gauss * InvSqrt2Pi;
        }
    }

    /// <summary>erf(z) by A&amp;S 7.1.26; <paramref name="gauss"/> receives exp(−z²).</summary>
    private static Vector<float> Erf(Vector<float> z, out Vector<float> gauss)
    {
        var az = Vector.Abs(z);
        var t = Vector<float>.One / (Vector<float>.One + new Vector<float>(P) * az);
        var poly = ((((new Vector<float>(A5) * t + new Vector<float>(A4)) * t + new Vector<float>(A3)) * t + new Vector<float>(A2)) * t + new Vector<float>(A1)) * t;
        gauss = Vector.Exp(-(az * az));
        var r = Vector<float>.One - poly * gauss;
        return Vector.ConditionalSelect(Vector.LessThan(z, Vector<float>.Zero), -r, r);
    }

    /// <summary>Scalar twin of the vector <see cref="Erf(Vector{float}, out Vector{float})"/> for the tail.</summary>
    internal static float Erf(float z, out float gauss)
    {
        float az = MathF.Abs(z);
        float t = 1f / (1f + P * az);
        float poly = ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t;
        gauss = MathF.Exp(-az * az);
        float r = 1f - poly * gauss;
        return z < 0 ? -r : r;
    }
}
