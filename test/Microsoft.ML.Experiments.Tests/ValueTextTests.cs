using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.SleepReplay;

namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class ValueTextTests
{
    [TestMethod]
    public void Lists_AreCommaSeparated_InTheElementType()
    {
        CollectionAssert.AreEqual(new[] { 0, 0.2, 0.4 }, (double[])ValueText.Parse(typeof(double[]), "0, 0.2,0.4")!);
        CollectionAssert.AreEqual(new[] { true, false }, (bool[])ValueText.Parse(typeof(bool[]), "true,false")!);
    }

    [TestMethod]
    public void Enums_IgnoreCaseDashesAndUnderscores()
    {
        CollectionAssert.AreEqual(new[] { ContinualApproach.SleepReplay, ContinualApproach.LowRankMerging },
            (ContinualApproach[])ValueText.Parse(typeof(ContinualApproach[]), "sleep-replay,low_rank_merging")!);
    }

    [TestMethod]
    public void Nullable_AcceptsNone()
    {
        Assert.IsNull(ValueText.Parse(typeof(int?), "none"));
        Assert.AreEqual(500, ValueText.Parse(typeof(int?), "500"));
    }

    [TestMethod]
    public void Numbers_UseTheInvariantCulture_AndRejectOtherText()
    {
        Assert.AreEqual(2e-5f, ValueText.Parse(typeof(float), "2.0e-5"));
        var e = Assert.ThrowsExactly<FormatException>(() => ValueText.Parse(typeof(int), "1,5"));
        StringAssert.Contains(e.Message, "'1,5'");
    }

    [TestMethod]
    public void FractionAsPercent_RoundsToTheNearestPercent()
    {
        Assert.AreEqual("95", YamlKey.FractionAsPercent("bpsom.reliability_threshold").Rewrite!("0.95"));
        Assert.AreEqual("8", YamlKey.FractionAsPercent("bpsom.reliability_threshold").Rewrite!("0.0751"));
    }
}
