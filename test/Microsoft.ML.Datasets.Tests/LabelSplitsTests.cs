namespace Microsoft.ML.Datasets.Tests;

[TestClass]
public sealed class LabelSplitsTests
{
    private static readonly byte[] Labels = [0, 1, 2, 3, 1, 0, 2, 3, 0];

    [TestMethod]
    public void ConsecutiveGroups_Defaults_AreTheSplitMnistPairs()
    {
        var groups = LabelSplits.ConsecutiveGroups();
        Assert.AreEqual(5, groups.Length);
        CollectionAssert.AreEqual(new[] { 0, 1 }, groups[0]);
        CollectionAssert.AreEqual(new[] { 8, 9 }, groups[4]);
        CollectionAssert.AreEqual(new[] { 3, 4, 5 }, LabelSplits.ConsecutiveGroups(6, 3)[1]);
        Assert.ThrowsExactly<ArgumentException>(() => LabelSplits.ConsecutiveGroups(10, 3));
    }

    [TestMethod]
    public void ByLabelGroups_ListsEachGroupsRowsInDataSetOrder()
    {
        var tasks = LabelSplits.ByLabelGroups(Labels, [[0, 1], [2, 3]]);
        CollectionAssert.AreEqual(new[] { 0, 1, 4, 5, 8 }, tasks[0]);
        CollectionAssert.AreEqual(new[] { 2, 3, 6, 7 }, tasks[1]);
    }

    [TestMethod]
    public void ByLabelGroups_MaxRowsPerTask_KeepsTheFirstRows()
    {
        var tasks = LabelSplits.ByLabelGroups(Labels, [[1, 0], [3]], maxRowsPerTask: 2);
        CollectionAssert.AreEqual(new[] { 0, 1 }, tasks[0]);
        CollectionAssert.AreEqual(new[] { 3, 7 }, tasks[1]);
    }

    [TestMethod]
    public void ByLabelGroups_OverlappingGroups_ThrowNamingTheLabel()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => LabelSplits.ByLabelGroups(Labels, [[0, 1], [1, 2]]));
        StringAssert.Contains(e.Message, "Label 1");
    }

    [TestMethod]
    public void Stratified_RowsPerClass_TakesThatManyOfEachClassInOrder()
    {
        var rows = LabelSplits.Stratified(Labels, rowsPerClass: 2, seed: 7);
        Assert.AreEqual(8, rows.Length);
        CollectionAssert.AreEqual(rows.Order().ToArray(), rows);
        foreach (byte label in new byte[] { 0, 1, 2, 3 })
            Assert.AreEqual(2, rows.Count(r => Labels[r] == label), $"label {label}");
        CollectionAssert.AreEqual(rows, LabelSplits.Stratified(Labels, rowsPerClass: 2, seed: 7), "Same seed, same rows.");
        // Class 0 has three rows; over many seeds each of them is chosen sometimes.
        var chosenZeros = Enumerable.Range(0, 50).SelectMany(seed => LabelSplits.Stratified(Labels, 2, seed)).Where(r => Labels[r] == 0).Distinct();
        CollectionAssert.AreEquivalent(new[] { 0, 5, 8 }, chosenZeros.ToArray());
    }

    [TestMethod]
    public void Stratified_Fraction_KeepsClassProportions()
    {
        byte[] labels = [.. Enumerable.Repeat((byte)0, 40), .. Enumerable.Repeat((byte)1, 10)];
        var rows = LabelSplits.Stratified(labels, fraction: 0.3, seed: 1);
        Assert.AreEqual(12, rows.Count(r => labels[r] == 0));
        Assert.AreEqual(3, rows.Count(r => labels[r] == 1));
    }

    [TestMethod]
    public void Stratified_ClassSmallerThanRequested_GivesAllItsRows()
    {
        CollectionAssert.AreEqual(Enumerable.Range(0, Labels.Length).ToArray(), LabelSplits.Stratified(Labels, rowsPerClass: 5, seed: 3));
    }
}
