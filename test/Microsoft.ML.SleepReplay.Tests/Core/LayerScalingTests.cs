namespace Microsoft.ML.SleepReplay.Tests;

[TestClass]
public sealed class LayerScalingTests
{
    // maxW = [0.5, 2, 0.1], maxA = [3, 1.5, 4] → s = [3, 2, 4].
    private static readonly double[] MaxW = [0.5, 2.0, 0.1];
    private static readonly double[] MaxA = [3.0, 1.5, 4.0];

    [TestMethod]
    public void Factors_ReferenceMode_ChainsThePreviousFactorNotTheMaximum()
    {
        // f1 = 3/1 = 3; f2 = 2/3; f3 = 4/(2/3) = 6 → factors 1/3, 3/2, 1/6.
        var factors = LayerScaling.Factors(MaxW, MaxA, LayerScalingMode.ReferencePreviousFactor);
        CollectionAssert.AreEqual(new[] { 1 / 3.0, 1.5, 1 / 6.0 }, factors, new DoubleComparer(1e-12));
    }

    [TestMethod]
    public void Factors_DiehlMode_DividesByThePreviousLayersMaximum()
    {
        // f1 = 3; f2 = 2/3; f3 = 4/2 = 2 → factors 1/3, 3/2, 1/2.
        var factors = LayerScaling.Factors(MaxW, MaxA, LayerScalingMode.Diehl);
        CollectionAssert.AreEqual(new[] { 1 / 3.0, 1.5, 0.5 }, factors, new DoubleComparer(1e-12));
    }

    [TestMethod]
    public void Factors_WithNothingPositiveInALayer_ThrowsNamingTheLayer()
    {
        var ex = Assert.ThrowsExactly<InvalidOperationException>(() =>
            LayerScaling.Factors([0.5, -1.0], [1.0, 0.0], LayerScalingMode.ReferencePreviousFactor));
        StringAssert.Contains(ex.Message, "Layer 1");
    }

    [TestMethod]
    public void MaxActivations_UsesInferenceDropoutScaling()
    {
        // 2-2-1, MATLAB convention with p = 0.25: hidden = 0.75·relu(W1 x), out = relu(W2 h).
        var net = new MlpNetwork([2, 2, 1], false, 0.25f, DropoutConvention.TestTimeScaling, OutputActivation.Relu);
        new float[] { 1, 2, -1, 1 }.CopyTo(net.Weights[0], 0);
        new float[] { 2, 1 }.CopyTo(net.Weights[1], 0);
        // x = (1, 1): W1x = (3, 0) → h = (2.25, 0) → out = 4.5.  x = (0, 2): W1x = (4, 2) → h = (3, 1.5) → out = 7.5.
        float[] data = [1, 1, 0, 2];
        var max = LayerScaling.MaxActivations(net, data, 2);
        CollectionAssert.AreEqual(new[] { 3.0, 7.5 }, max, new DoubleComparer(1e-6));
    }

    [TestMethod]
    public void Alpha_MultipliesFactorsByAlphaScale()
    {
        var net = TinyNetworks.Create([1, 1, 1], [0.5f], [2f]);
        // x = 1: a1 = 0.5, a2 = 1. s = [0.5, 2]; f = [0.5, 4]; α = 10·[2, 0.25].
        var options = new SleepOptions { Beta = [1, 1], AlphaScale = 10 };
        var alpha = LayerScaling.Alpha(net, [1f], 1, options);
        CollectionAssert.AreEqual(new[] { 20.0, 2.5 }, alpha, new DoubleComparer(1e-9));
    }

    private sealed class DoubleComparer(double tolerance) : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Math.Abs((double)x! - (double)y!) <= tolerance ? 0 : 1;
    }
}
