using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

[TestClass]
public sealed class BatchNormInferenceKernelTests
{
    /// <summary>The fused eval-mode batch norm (+ReLU) runs 512-, 256- and 128-bit lanes and a scalar tail; every
    /// column must come out as the scalar ((y − mean)·invstd)·w + b, then MathF.Max(·, 0), bit for bit, including
    /// NaN, infinities and −0 (which the ReLU turns into +0, and which survives without it).</summary>
    [TestMethod]
    public void BatchNormInferenceInPlace_EveryWidthAndSpecialValue_MatchesScalarReferenceBitForBit()
    {
        var random = new Random(5);
        float[] specials = [float.NaN, -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, 1e-40f, -1e-40f];
        foreach (int c in new[] { 1, 3, 4, 7, 8, 15, 16, 23, 100 })
            foreach (bool scaled in new[] { false, true })
                foreach (bool shifted in new[] { false, true })
                    foreach (bool relu in new[] { false, true })
                    {
                        const int rows = 5;
                        var y = new float[rows * c];
                        for (int i = 0; i < y.Length; i++)
                            y[i] = i % 5 == 0 ? specials[i / 5 % specials.Length] : (float)(random.NextDouble() * 4 - 2);
                        var mean = Fill(random, c, -1, 1);
                        var invStd = Fill(random, c, 0.5, 2);
                        var weight = scaled ? Fill(random, c, -1.5, 1.5) : [];
                        var bias = shifted ? Fill(random, c, -1, 1) : [];
                        // y = −0 with mean = +0 and bias = −0 gives −0 through every step.
                        y[0] = -0f;
                        mean[0] = 0f;
                        if (shifted) bias[0] = -0f;
                        if (scaled) weight[0] = 1f;

                        var expected = new float[y.Length];
                        for (int r = 0; r < rows; r++)
                            for (int j = 0; j < c; j++)
                            {
                                float v = (y[r * c + j] - mean[j]) * invStd[j];
                                if (scaled) v *= weight[j];
                                if (shifted) v += bias[j];
                                expected[r * c + j] = relu ? MathF.Max(v, 0f) : v;
                            }
                        NormKernels.BatchNormInferenceInPlace(y, rows, mean, invStd, weight, bias, relu);
                        for (int i = 0; i < y.Length; i++)
                            Assert.AreEqual(BitConverter.SingleToInt32Bits(expected[i]), BitConverter.SingleToInt32Bits(y[i]),
                                $"C = {c}, scaled {scaled}, shifted {shifted}, relu {relu}, element {i}: {expected[i]} vs {y[i]}");
                        if (!relu) Assert.AreEqual(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(y[0]), $"−0 kept, C = {c}");
                    }
    }

    private static float[] Fill(Random random, int count, double lo, double hi)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(lo + random.NextDouble() * (hi - lo));
        return values;
    }
}
