using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

/// <summary>Compares autograd gradients with central finite differences.
/// The scalar probed is L = Σ yᵢ·wᵢ for fixed random weights w, accumulated in double. With step
/// h = 1e-2 the truncation error is O(h²·|f'''|) ≈ 1e-4 for the smooth ops tested, and float32
/// rounding of the n outputs contributes about 6e-8·√n·|y| / (2h) ≈ 3e-5·√n to the difference
/// quotient; tolerances of 1e-2 relative plus 2e-3 absolute sit well above both and far below the
/// error of any wrong formula (which is O(|gradient|)).</summary>
internal static class GradCheck
{
    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Check(f, 1e-2f, inputs);

    public static void Check(Func<Tensor[], Tensor> f, float h, params Tensor[] inputs)
    {
        foreach (var x in inputs) x.RequiresGrad = true;
        var y = f(inputs);
        var gen = new Generator(99);
        var w = Tensor.Uniform(gen, -1f, 1f, y.Shape.ToArray());
        y.Backward(w);
        var weights = w.ToArray();
        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k];
            Assert.IsNotNull(x.Grad, $"input {k} received no gradient");
            var analytic = x.Grad!.ToArray();
            var data = x.AsSpan();
            for (int j = 0; j < x.Count; j++)
            {
                float saved = data[j];
                data[j] = saved + h;
                double plus = Probe(f, inputs, weights);
                data[j] = saved - h;
                double minus = Probe(f, inputs, weights);
                data[j] = saved;
                double numeric = (plus - minus) / (2 * h);
                double tolerance = 2e-3 + 1e-2 * Math.Abs(numeric);
                Assert.IsLessThanOrEqualTo(tolerance, Math.Abs(analytic[j] - numeric),
                    $"input {k} element {j}: autograd {analytic[j]} vs finite difference {numeric}");
            }
        }
    }

    private static double Probe(Func<Tensor[], Tensor> f, Tensor[] inputs, float[] weights)
    {
        using var noGrad = Autograd.NoGrad();
        var y = f(inputs).ToArray();
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += (double)y[i] * weights[i];
        return sum;
    }

    /// <summary>A tensor of the given shape with values uniform in [lo, hi).</summary>
    public static Tensor Random(ulong seed, float lo, float hi, params int[] shape) =>
        Tensor.Uniform(new Generator(seed), lo, hi, shape);

    /// <summary>Values whose magnitude is at least 0.1, so kinks (relu, abs, max) stay farther than h away.</summary>
    public static Tensor AwayFromZero(ulong seed, params int[] shape)
    {
        var t = Random(seed, -1f, 1f, shape);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = s[i] < 0 ? s[i] - 0.1f : s[i] + 0.1f;
        return t;
    }
}
