namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SomErrorTests
{
    [TestMethod]
    public void Mix_WeighsBackpropAndSomErrorsByOneMinusAlphaAndAlpha()
    {
        float[] delta = [0.2f, 0.2f];
        SomError.Mix(delta, [0.4f, -0.4f], 0.25f);
        Assert.AreEqual(0.25f, delta[0], 1e-7f);  // 0.75 · 0.2 + 0.25 · 0.4
        Assert.AreEqual(0.05f, delta[1], 1e-7f);  // 0.75 · 0.2 − 0.25 · 0.4
    }

    [TestMethod]
    public void Compute_PointsFromTheActivationTowardThePrototype()
    {
        var error = new float[2];
        SomError.Compute([1f, 0f], [0.25f, 0.75f], 100, error);
        Assert.AreEqual(0.75f, error[0], 1e-7f);
        Assert.AreEqual(-0.75f, error[1], 1e-7f);
    }

    [TestMethod]
    public void Mix_WithAlphaOutsideZeroToOne_Throws()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SomError.Mix(new float[1], new float[1], 1.5f));
        Assert.AreEqual("alpha", error.ParamName);
    }
}
