using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.Neural.Tests.Bert;

[TestClass]
public sealed class DropoutKernelsTests
{
    [TestMethod]
    public void FillMask_DropsAboutPAndScalesTheRestByOneOverOneMinusP()
    {
        var mask = new float[100_003];
        DropoutKernels.FillMask(new Generator(1), 0.1f, mask);

        int dropped = mask.Count(m => m == 0f);
        Assert.IsTrue(mask.All(m => m == 0f || m == 1f / 0.9f));
        Assert.AreEqual(0.1, dropped / (double)mask.Length, 0.003);   // ±3 standard deviations
    }

    [TestMethod]
    public void FillMask_DependsOnlyOnTheGeneratorPosition()
    {
        var first = new float[1000];
        var again = new float[1000];
        var generator = new Generator(7);
        DropoutKernels.FillMask(generator, 0.5f, first);
        Assert.AreEqual(250UL, generator.Position, "four elements per draw");
        generator.Position = 0;
        DropoutKernels.FillMask(generator, 0.5f, again);

        CollectionAssert.AreEqual(first, again);
    }
}
