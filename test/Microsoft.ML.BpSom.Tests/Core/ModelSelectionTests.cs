namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class ModelSelectionTests
{
    [TestMethod]
    public void Offer_TakesHigherAccuracy()
    {
        var selection = new ModelSelection();
        Assert.IsTrue(selection.Offer(0.80, 0.30));
        Assert.IsTrue(selection.Offer(0.81, 0.90));
        Assert.IsFalse(selection.Offer(0.79, 0.01));
    }

    [TestMethod]
    public void Offer_AtEqualAccuracy_NeedsTheErrorToFallByMoreThanMinimumImprovement()
    {
        var selection = new ModelSelection();
        selection.Offer(0.80, 0.300);
        Assert.IsFalse(selection.Offer(0.80, 0.296));
        Assert.IsTrue(selection.Offer(0.80, 0.294));
        Assert.AreEqual(0.294, selection.BestError);
    }

    [TestMethod]
    public void Offer_AfterPruning_AcceptsEqualAccuracyOnce()
    {
        var selection = new ModelSelection();
        selection.Offer(0.80, 0.30);
        selection.PrunedSinceBest = true;
        Assert.IsTrue(selection.Offer(0.80, 0.40));
        Assert.IsFalse(selection.PrunedSinceBest);
        Assert.IsFalse(selection.Offer(0.80, 0.40));
    }
}
