using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class SparseKernelsTests
{
    [TestMethod]
    [DataRow(5)]
    [DataRow(8)]
    [DataRow(13)]
    [DataRow(21)]
    public void WeightGradients_EqualTheBatchDotProducts(int batch)
    {
        // Row 0 holds columns 0, 2, 3, 4, 5 (one group of four plus one); row 1 holds column 1.
        int[] rowStarts = [0, 5, 6];
        int[] columns = [0, 2, 3, 4, 5, 1];
        var random = new Random(batch);
        var dy = Enumerable.Range(0, 2 * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var x = Enumerable.Range(0, 6 * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var gradients = new float[6];

        SparseKernels.WeightGradients(new BlockedRows(rowStarts, columns, 6), dy, x, batch, gradients);

        for (int k = 0; k < 6; k++)
        {
            int row = k < 5 ? 0 : 1;
            double expected = Enumerable.Range(0, batch).Sum(b => (double)dy[row * batch + b] * x[columns[k] * batch + b]);
            Assert.AreEqual(expected, gradients[k], 1e-5, $"weight {k}");
        }
    }

    [TestMethod]
    [DataRow(3)]
    [DataRow(16)]
    [DataRow(19)]
    public void Multiply_EqualsStartPlusTheWeightedSumOfSourceRows(int batch)
    {
        int[] starts = [0, 6, 6];
        float[] values = [1, 0.5f, 2, -1, 3, 0.25f];
        var random = new Random(batch);
        var x = Enumerable.Range(0, 3 * batch).Select(_ => random.NextSingle()).ToArray();
        var y = new float[2 * batch];

        SparseKernels.Multiply(new BlockedRows(starts, [0, 0, 1, 1, 2, 2], 3), values, [10, -4], x, batch, y);

        for (int b = 0; b < batch; b++)
        {
            float expected = 10 + 1.5f * x[b] + 1 * x[batch + b] + 3.25f * x[2 * batch + b];
            Assert.AreEqual(expected, y[b], 1e-4f, $"row 0, column {b}");
            Assert.AreEqual(-4f, y[batch + b], $"row 1 (no weights), column {b}");
        }
    }
}
