namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SomCellLabelsTests
{
    [TestMethod]
    public void Finish_WithTiedCounts_LabelsTheLowestClassAndFloorsTheReliability()
    {
        var labels = new SomCellLabels(cellCount: 1, classCount: 3);
        foreach (int c in new[] { 2, 1, 2, 1, 3 }) labels.Add(0, c);
        labels.Finish();
        Assert.AreEqual(1, labels.Labels[0]);
        Assert.AreEqual(40, labels.Reliabilities[0]); // floor(100 · 2 / 5)
    }

    [TestMethod]
    public void Finish_RoundsTheReliabilityDown()
    {
        var labels = new SomCellLabels(1, 3);
        foreach (int c in new[] { 3, 1, 3 }) labels.Add(0, c);
        labels.Finish();
        Assert.AreEqual(3, labels.Labels[0]);
        Assert.AreEqual(66, labels.Reliabilities[0]); // floor(66.67)
    }

    [TestMethod]
    public void Finish_LeavesEmptyCellsUnlabelledWithZeroReliability()
    {
        var labels = new SomCellLabels(2, 2);
        labels.Add(1, 2);
        labels.Finish();
        Assert.AreEqual(0, labels.Labels[0]);
        Assert.AreEqual(0, labels.Reliabilities[0]);
        Assert.AreEqual(2, labels.Labels[1]);
        Assert.AreEqual(100, labels.Reliabilities[1]);
    }

    [TestMethod]
    public void Clear_ForgetsCountsLabelsAndReliabilities()
    {
        var labels = new SomCellLabels(1, 2);
        labels.Add(0, 2);
        labels.Finish();
        labels.Clear();
        Assert.AreEqual(0, labels.Count(0, 2));
        Assert.AreEqual(0, labels.Labels[0]);
        Assert.AreEqual(0, labels.Reliabilities[0]);
    }

    [TestMethod]
    public void Add_WithClassOutsideRange_Throws()
    {
        var labels = new SomCellLabels(1, 2);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => labels.Add(0, 3));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => labels.Add(0, 0));
    }
}
