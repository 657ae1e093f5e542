using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

/// <summary>The blocked, panelled kernels against dense double-precision references on random shapes: densities 0,
/// 0.2 and 1; batches below one vector (1), exact vectors (32), a partial panel (100) and a ragged tail (129); more
/// sources than one block so that rows are summed across blocks.</summary>
[TestClass]
public sealed class SparseKernelsReferenceTests
{
    [TestMethod]
    [DynamicData(nameof(RandomSparse.BatchDensityCases), typeof(RandomSparse))]
    public void Multiply_MatchesTheDenseProductPlusInit(int batch, double density)
    {
        var random = new Random(batch * 10 + (int)(density * 5));
        int rows = random.Next(1, 40), sources = random.Next(BlockedRows.BlockSize + 1, 3 * BlockedRows.BlockSize);
        var (structure, values, dense) = RandomSparse.Create(rows, sources, density, random);
        var init = RandomSparse.Values(rows, random);
        var x = RandomSparse.Values(sources * batch, random);
        var y = new float[rows * batch];

        SparseKernels.Multiply(structure, values, init, x, batch, y);

        for (int r = 0; r < rows; r++)
            for (int b = 0; b < batch; b++)
            {
                double expected = init[r];
                for (int j = 0; j < sources; j++) expected += (double)dense[r * sources + j] * x[j * batch + b];
                Assert.AreEqual(expected, y[r * batch + b], 1e-4, $"row {r}, sample {b} of {rows}×{sources}");
            }
    }

    [TestMethod]
    [DynamicData(nameof(RandomSparse.BatchDensityCases), typeof(RandomSparse))]
    public void WeightGradients_MatchTheDenseBatchDotProducts(int batch, double density)
    {
        var random = new Random(batch * 7 + (int)(density * 5));
        int rows = random.Next(1, 40), sources = random.Next(BlockedRows.BlockSize + 1, 3 * BlockedRows.BlockSize);
        var (structure, values, _) = RandomSparse.Create(rows, sources, density, random);
        var dy = RandomSparse.Values(rows * batch, random);
        var x = RandomSparse.Values(sources * batch, random);
        var gradients = new float[values.Length];

        SparseKernels.WeightGradients(structure, dy, x, batch, gradients);

        for (int r = 0; r < rows; r++)
            for (int k = structure.Start(r, 0); k < structure.Start(r, structure.Blocks); k++)
            {
                int j = structure.Sources[k];
                double expected = Enumerable.Range(0, batch).Sum(b => (double)dy[r * batch + b] * x[j * batch + b]);
                Assert.AreEqual(expected, gradients[k], 1e-4, $"weight ({r}, {j})");
            }
    }

    [TestMethod]
    public void Multiply_OfARowRange_WritesThoseRowsAndLeavesTheOthers()
    {
        var random = new Random(3);
        var (structure, values, _) = RandomSparse.Create(10, 70, 0.3, random);
        var x = RandomSparse.Values(70 * 20, random);
        var whole = new float[10 * 20];
        var part = Enumerable.Repeat(-7f, 10 * 20).ToArray();
        SparseKernels.Multiply(structure, values, [], x, 20, whole);

        SparseKernels.Multiply(structure, values, [], x, 20, part, firstRow: 4, endRow: 7);

        for (int i = 0; i < whole.Length; i++)
            Assert.AreEqual(i / 20 is >= 4 and < 7 ? whole[i] : -7f, part[i], $"value {i}");
    }

    [TestMethod]
    public void Multiply_WithTooFewSourceValues_ThrowsNamingTheShape()
    {
        var (structure, values, _) = RandomSparse.Create(4, 10, 0.5, new Random(1));

        var error = Assert.ThrowsExactly<ArgumentException>(() => SparseKernels.Multiply(structure, values, [], new float[10 * 8 - 1], 8, new float[4 * 8]));

        StringAssert.Contains(error.Message, "10×8");
    }

    [TestMethod]
    [DataRow(1, 1)]
    [DataRow(13, 784)]
    [DataRow(100, 10)]
    [DataRow(129, 17)]
    public void Transpose_SwapsRowAndColumnIndices(int rows, int cols)
    {
        var source = RandomSparse.Values(rows * cols, new Random(rows));
        var target = new float[rows * cols];

        SparseKernels.Transpose(source, rows, cols, target);

        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                Assert.AreEqual(source[r * cols + c], target[c * rows + r], $"({r}, {c})");
    }
}
