using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class SweepGridTests
{
    [TestMethod]
    public void Trials_CrossEveryAxisValueWithEverySeed_AndSetTheOptions()
    {
        var grid = new SweepGrid([1, 2])
            .Add(nameof(DynamicSparseTrainer.Options.HebbianPrunePercent), 0, 0.2)
            .Add(nameof(DynamicSparseTrainer.Options.HebbianGrow), true, false);

        var trials = grid.Trials(new DynamicSparseTrainer.Options { Epochs = 7 });

        Assert.AreEqual(8, trials.Count);
        var last = trials[^1];
        Assert.AreEqual(0.2, last.Options.HebbianPrunePercent);
        Assert.IsFalse(last.Options.HebbianGrow);
        Assert.AreEqual(2, last.Options.Seed);
        Assert.AreEqual(7, last.Options.Epochs);
        Assert.AreEqual("HebbianPrunePercent=0.2_HebbianGrow=False_seed=2", last.Id);
        Assert.AreEqual(8, trials.Select(t => t.Id).Distinct().Count());
    }

    [TestMethod]
    public void Add_WithAnUnknownOption_ThrowsNamingIt()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new SweepGrid([1]).Add("HebianPrune", 0.1));
        StringAssert.Contains(error.Message, "'HebianPrune'");
    }
}
