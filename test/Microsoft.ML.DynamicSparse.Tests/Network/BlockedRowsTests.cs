using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class BlockedRowsTests
{
    [TestMethod]
    public void Start_CutsEachRowWhereItsSourcesEnterTheNextBlock()
    {
        // 150 sources → blocks [0,64), [64,128), [128,150). Row 0: 0, 63 | 64 | 130; row 1 is empty; row 2: | | 149.
        var rows = new BlockedRows([0, 4, 4, 5], [0, 63, 64, 130, 149], sourceCount: 150, blockSize: 64);

        Assert.AreEqual(3, rows.Blocks);
        CollectionAssert.AreEqual(new[] { 0, 2, 3, 4 }, Enumerable.Range(0, 4).Select(b => rows.Start(0, b)).ToArray());
        CollectionAssert.AreEqual(new[] { 4, 4, 4, 4 }, Enumerable.Range(0, 4).Select(b => rows.Start(1, b)).ToArray());
        CollectionAssert.AreEqual(new[] { 4, 4, 4, 5 }, Enumerable.Range(0, 4).Select(b => rows.Start(2, b)).ToArray());
    }

    [TestMethod]
    public void Constructor_WithSourcesOutOfOrder_ThrowsNamingTheRow()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new BlockedRows([0, 1, 3], [2, 70, 5], sourceCount: 100));
        StringAssert.Contains(error.Message, "Source 5 of row 1");
    }

    [TestMethod]
    public void Constructor_WithASourceBeyondTheCount_ThrowsNamingIt()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new BlockedRows([0, 1], [200], sourceCount: 100));
        StringAssert.Contains(error.Message, "Source 200 of row 0");
    }
}
