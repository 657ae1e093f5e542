namespace Microsoft.ML.BpSom.Tests;

[TestClass]
public sealed class SomSnapshotTests
{
    /// <summary>A 2×2 map of 1-component prototypes 0, 1, 3, 6.</summary>
    private static SelfOrganizingMap Map()
    {
        var map = SomBuilder.Map(2, 1, [0f, 1f, 3f, 6f], classCount: 2);
        SomBuilder.Label(map, [1, 2, 0, 2], [100, 60, 0, 75]);
        return map;
    }

    [TestMethod]
    public void Snapshot_CopiesTheLabelsReliabilitiesAndUMatrix()
    {
        var snapshot = Map().Snapshot();

        Assert.AreEqual(2, snapshot.GridSize);
        Assert.AreEqual(4, snapshot.CellCount);
        Assert.AreEqual(2, snapshot.ClassCount);
        CollectionAssert.AreEqual(new[] { 1, 2, 0, 2 }, snapshot.Labels.ToArray());
        CollectionAssert.AreEqual(new[] { 100, 60, 0, 75 }, snapshot.Reliabilities.ToArray());
        // Every cell of a 2×2 grid neighbours the other three: cell 0 → (1 + 3 + 6) / 3, cell 1 → (1 + 2 + 5) / 3, …
        Approx.AreEqual([10f / 3, 8f / 3, 8f / 3, 14f / 3], snapshot.UMatrix, 1e-5f);
    }

    [TestMethod]
    public void Snapshot_KeepsItsValues_WhenTheMapIsRelabelledAndMoved()
    {
        var map = Map();
        var snapshot = map.Snapshot();

        SomBuilder.Label(map, [2, 2, 2, 2], [50, 50, 50, 50]);
        map.Update([10f], winner: 3, winnerSquaredDistance: 16f, learningRate: 0.5f, radius: 1);

        CollectionAssert.AreEqual(new[] { 1, 2, 0, 2 }, snapshot.Labels.ToArray());
        CollectionAssert.AreEqual(new[] { 100, 60, 0, 75 }, snapshot.Reliabilities.ToArray());
        Approx.AreEqual([10f / 3, 8f / 3, 8f / 3, 14f / 3], snapshot.UMatrix, 1e-5f);
        CollectionAssert.AreNotEqual(snapshot.UMatrix.ToArray(), map.Snapshot().UMatrix.ToArray(), "the map itself moved");
    }

    [TestMethod]
    public void Snapshots_AreEqualExactlyWhenEveryValueIs()
    {
        var map = Map();
        var first = map.Snapshot();

        Assert.AreEqual(first, map.Snapshot());
        Assert.AreEqual(first.GetHashCode(), map.Snapshot().GetHashCode());
        Assert.AreNotEqual(first, new SomSnapshot(2, 2, [1, 2, 0, 1], first.Reliabilities, first.UMatrix), "a label differs");
        Assert.AreNotEqual(first, new SomSnapshot(2, 2, first.Labels, [100, 60, 0, 74], first.UMatrix), "a reliability differs");
        Assert.AreNotEqual(first, new SomSnapshot(2, 3, first.Labels, first.Reliabilities, first.UMatrix), "the class count differs");
        map.Update([10f], winner: 3, winnerSquaredDistance: 16f, learningRate: 0.5f, radius: 0);
        Assert.AreNotEqual(first, map.Snapshot(), "the U-matrix differs");
    }

    [TestMethod]
    public void Constructor_RejectsValuesAMapCannotHave()
    {
        int[] labels = [1, 0, 2, 1], reliabilities = [100, 0, 50, 70];
        float[] uMatrix = [0.5f, 1f, 0.5f, 0.25f];

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(0, 2, [], [], []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(2, 0, labels, reliabilities, uMatrix));
        var e = Assert.ThrowsExactly<ArgumentException>(() => new SomSnapshot(2, 2, labels[..3], reliabilities, uMatrix));
        StringAssert.Contains(e.Message, "needs 4 values, got 3");
        var label = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(2, 2, [1, 0, 3, 1], reliabilities, uMatrix));
        StringAssert.Contains(label.Message, "Cell 2 has label 3");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(2, 2, [1, -1, 2, 1], reliabilities, uMatrix));
        var reliability = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(2, 2, labels, [100, 0, 101, 70], uMatrix));
        StringAssert.Contains(reliability.Message, "Cell 2 has reliability 101");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(2, 2, labels, reliabilities, [0.5f, float.NaN, 0.5f, 0.25f]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SomSnapshot(2, 2, labels, reliabilities, [0.5f, -1f, 0.5f, 0.25f]));
    }
}
