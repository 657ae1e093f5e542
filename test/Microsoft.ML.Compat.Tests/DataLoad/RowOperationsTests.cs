using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.DataLoad;

[TestClass]
public sealed class RowOperationsTests
{
    /// <summary>Rows 0..n-1: Id = i, X = i as float, Vec = [i, -i], Group = i % groups.</summary>
    private static IDataView Numbers(int n, int groups = 10) => new ArrayDataViewBuilder()
        .AddColumn("Id", NumberDataViewType.Int32, Enumerable.Range(0, n).ToArray())
        .AddColumn("X", NumberDataViewType.Single, Enumerable.Range(0, n).Select(i => (float)i).ToArray())
        .AddColumn("Vec", NumberDataViewType.Single, Enumerable.Range(0, n).Select(i => new[] { (float)i, -i }).ToArray())
        .AddColumn("Group", Enumerable.Range(0, n).Select(i => "g" + i % groups).ToArray())
        .GetDataView();

    private static readonly MLContext Ml = new(seed: 7);

    [TestMethod]
    public void TakeRows_KeepsTheFirstRows()
    {
        var view = Ml.Data.TakeRows(Numbers(10), 3);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, ViewReader.Column<int>(view, "Id"));
        Assert.AreEqual(3L, view.GetRowCount());
    }

    [TestMethod]
    public void SkipRows_DropsTheFirstRows()
    {
        var view = Ml.Data.SkipRows(Numbers(10), 7);
        CollectionAssert.AreEqual(new[] { 7, 8, 9 }, ViewReader.Column<int>(view, "Id"));
        Assert.AreEqual(3L, view.GetRowCount());
    }

    [TestMethod]
    public void SkipThenTake_SelectsAMiddleRange()
    {
        var view = Ml.Data.TakeRows(Ml.Data.SkipRows(Numbers(10), 4), 2);
        CollectionAssert.AreEqual(new[] { 4, 5 }, ViewReader.Column<int>(view, "Id"));
    }

    [TestMethod]
    public void FilterRowsByColumn_KeepsValuesInTheHalfOpenRange()
    {
        var view = Ml.Data.FilterRowsByColumn(Numbers(10), "X", lowerBound: 2, upperBound: 5);
        CollectionAssert.AreEqual(new[] { 2, 3, 4 }, ViewReader.Column<int>(view, "Id"));
    }

    [TestMethod]
    public void FilterRowsByColumn_DropsNaN()
    {
        var view = new ArrayDataViewBuilder().AddColumn("X", NumberDataViewType.Double, 1.0, double.NaN, 3.0).GetDataView();
        CollectionAssert.AreEqual(new[] { 1.0, 3.0 }, ViewReader.Column<double>(Ml.Data.FilterRowsByColumn(view, "X"), "X"));
    }

    [TestMethod]
    public void FilterRowsByColumn_OnTextColumn_ThrowsSchemaMismatch()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.FilterRowsByColumn(Numbers(3), "Group"));
        StringAssert.Contains(error.Message, "Schema mismatch for input column 'Group': expected a numeric scalar, got String");
    }

    [TestMethod]
    public void FilterRowsByColumn_OnMissingColumn_ThrowsNotFound()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.FilterRowsByColumn(Numbers(3), "Nope"));
        StringAssert.Contains(error.Message, "Column 'Nope' not found");
    }

    [TestMethod]
    public void ShuffleRows_ReordersRowsKeepingEachRowIntact()
    {
        var shuffled = Ml.Data.ShuffleRows(Numbers(200), seed: 3, shufflePoolSize: 50);
        var ids = ViewReader.Column<int>(shuffled, "Id");
        var vectors = ViewReader.Vectors<float>(shuffled, "Vec");
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 200).ToArray(), ids);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 200).ToArray(), ids);
        for (int i = 0; i < ids.Length; i++)
            CollectionAssert.AreEqual(new[] { (float)ids[i], -ids[i] }, vectors[i], $"row {i}");
    }

    [TestMethod]
    public void ShuffleRows_IsDeterministicForASeed()
    {
        var a = ViewReader.Column<int>(Ml.Data.ShuffleRows(Numbers(100), seed: 5), "Id");
        var b = ViewReader.Column<int>(Ml.Data.ShuffleRows(Numbers(100), seed: 5), "Id");
        var c = ViewReader.Column<int>(Ml.Data.ShuffleRows(Numbers(100), seed: 6), "Id");
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
    }

    [TestMethod]
    public void ShuffleRows_OfASourceThatCannotShuffle_UsesThePool()
    {
        // TakeRows views cannot shuffle themselves, so only the 8-row pool reorders them.
        var source = Ml.Data.TakeRows(Numbers(100), 100);
        var ids = ViewReader.Column<int>(Ml.Data.ShuffleRows(source, seed: 1, shufflePoolSize: 8), "Id");
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 100).ToArray(), ids);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 100).ToArray(), ids);
        // A row can only be emitted once it has entered the pool: output i is at most source row i + 7.
        for (int i = 0; i < ids.Length; i++)
            Assert.IsLessThanOrEqualTo(i + 7, ids[i]);
    }

    [TestMethod]
    public void Cache_ServesLaterPassesFromMemory()
    {
        using var folder = new TempFolder();
        string path = folder.Write("rows.tsv", "1\ta", "2\tb", "3\tc");
        var file = Ml.Data.LoadFromTextFile(path,
            new[] { new TextLoader.Column("N", DataKind.Int32, 0), new TextLoader.Column("S", DataKind.String, 1) });
        var cached = Ml.Data.Cache(file);
        Assert.IsNull(cached.GetRowCount());
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, ViewReader.Column<int>(cached, "N"));
        File.Delete(path); // a second pass must not touch the file
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, ViewReader.Text(cached, "S"));
        Assert.AreEqual(3L, cached.GetRowCount());
    }

    [TestMethod]
    public void Cache_ShufflesWhenAskedWithARandom()
    {
        var cached = Ml.Data.Cache(Numbers(50));
        Assert.IsTrue(cached.CanShuffle);
        var column = cached.Schema["Id"];
        using var cursor = cached.GetRowCursor(new[] { column }, new Random(2));
        var getter = cursor.GetGetter<int>(column);
        var ids = new List<int>();
        while (cursor.MoveNext())
        {
            int id = 0;
            getter(ref id);
            ids.Add(id);
        }
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 50).ToList(), ids);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 50).ToList(), ids);
    }

    [TestMethod]
    public void Cache_WithUnknownPrefetchColumn_ThrowsNotFound()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.Cache(Numbers(3), "Nope"));
    }

    [TestMethod]
    public void TrainTestSplit_PartitionsRowsNearTheTestFraction()
    {
        var split = Ml.Data.TrainTestSplit(Numbers(1000), testFraction: 0.2, seed: 11);
        var train = ViewReader.Column<int>(split.TrainSet, "Id");
        var test = ViewReader.Column<int>(split.TestSet, "Id");
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 1000).ToArray(), train.Concat(test).ToArray());
        // Binomial(1000, 0.2): mean 200, sd 12.6; 150..250 is about 4 sd either way.
        Assert.IsTrue(test.Length is > 150 and < 250, $"test rows: {test.Length}");
    }

    [TestMethod]
    public void TrainTestSplit_IsDeterministicForASeed()
    {
        var first = ViewReader.Column<int>(Ml.Data.TrainTestSplit(Numbers(300), 0.3, seed: 4).TestSet, "Id");
        var again = ViewReader.Column<int>(Ml.Data.TrainTestSplit(Numbers(300), 0.3, seed: 4).TestSet, "Id");
        var other = ViewReader.Column<int>(Ml.Data.TrainTestSplit(Numbers(300), 0.3, seed: 5).TestSet, "Id");
        CollectionAssert.AreEqual(first, again);
        CollectionAssert.AreNotEqual(first, other);
    }

    [TestMethod]
    public void TrainTestSplit_WithSamplingKey_KeepsEachKeyOnOneSide()
    {
        var split = Ml.Data.TrainTestSplit(Numbers(600, groups: 40), 0.25, samplingKeyColumnName: "Group", seed: 2);
        var trainGroups = ViewReader.Text(split.TrainSet, "Group").ToHashSet();
        var testGroups = ViewReader.Text(split.TestSet, "Group").ToHashSet();
        Assert.IsEmpty(trainGroups.Intersect(testGroups));
        Assert.AreEqual(40, trainGroups.Count + testGroups.Count);
        Assert.IsNotEmpty(testGroups);
    }

    [TestMethod]
    public void TrainTestSplit_WithFractionOutsideZeroToOne_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Ml.Data.TrainTestSplit(Numbers(3), testFraction: 1.0));
    }
}
