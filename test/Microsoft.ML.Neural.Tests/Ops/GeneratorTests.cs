using Microsoft.ML.Neural;

namespace Microsoft.ML.Neural.Tests;

[TestClass]
public sealed class GeneratorTests
{
    [TestMethod]
    public void SameSeed_GivesTheSameStream_OtherSeed_Differs()
    {
        var a = Tensor.Randn(new Generator(3), 100).ToArray();
        CollectionAssert.AreEqual(a, Tensor.Randn(new Generator(3), 100).ToArray());
        CollectionAssert.AreNotEqual(a, Tensor.Randn(new Generator(4), 100).ToArray());
    }

    [TestMethod]
    public void Draws_DependOnlyOnTheCounter_NotOnHowTheyAreSplit()
    {
        var whole = Tensor.Rand(new Generator(5), 10).ToArray();
        var g = new Generator(5);
        var parts = Tensor.Rand(g, 4).ToArray().Concat(Tensor.Rand(g, 6).ToArray()).ToArray();
        CollectionAssert.AreEqual(whole, parts);
        Assert.AreEqual(10UL, g.Position);
    }

    [TestMethod]
    public void Moments_AreCloseToTheDistribution()
    {
        var g = new Generator(11);
        var u = Tensor.Rand(g, 100000);
        Assert.AreEqual(0.5f, u.Mean().Item(), 0.01f);
        var n = Tensor.Randn(g, 100000);
        Assert.AreEqual(0f, n.Mean().Item(), 0.01f);
        Assert.AreEqual(1f, n.Square().Mean().Item(), 0.02f);
        Assert.AreEqual(0.3f, Tensor.Bernoulli(g, 0.3f, 100000).Mean().Item(), 0.01f);
    }
}
