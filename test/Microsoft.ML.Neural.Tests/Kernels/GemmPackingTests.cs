using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

[TestClass]
public sealed unsafe class GemmPackingTests
{
    /// <summary>X = [[0 1 2 3 4 5], [10 11 12 13 14 15], [20 21 22 23 24 25]] (3×6, ld 6).</summary>
    private static readonly float[] X = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25];

    [TestMethod]
    public void PackA_RowsOfA_BecomeZeroPaddedPanelsOfWidthMr()
    {
        // op(A) = X (3×6), mr = 2: panel 0 = rows 0-1, panel 1 = row 2 plus a zero row;
        // each panel lists its rows' values k step by k step.
        var packed = new float[2 * 6 * 2];
        fixed (float* x = X)
        fixed (float* dst = packed)
            GemmPacking.PackA(transA: false, x, 6, rows: 3, kc: 6, mr: 2, dst);
        CollectionAssert.AreEqual(new float[]
        {
            0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15,
            20, 0, 21, 0, 22, 0, 23, 0, 24, 0, 25, 0,
        }, packed);
    }

    [TestMethod]
    public void PackA_Transposed_ReadsColumnsOfTheStoredMatrix()
    {
        // transA: X stores op(A)ᵀ, so op(A) is 6×3; pack its first 5 rows over k = 3, mr = 4.
        var packed = new float[2 * 3 * 4];
        fixed (float* x = X)
        fixed (float* dst = packed)
            GemmPacking.PackA(transA: true, x, 6, rows: 5, kc: 3, mr: 4, dst);
        CollectionAssert.AreEqual(new float[]
        {
            0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23,
            4, 0, 0, 0, 14, 0, 0, 0, 24, 0, 0, 0,
        }, packed);
    }

    [TestMethod]
    public void PackB_TransposedWithFourByFourBlocks_MatchesElementwiseTranspose()
    {
        // transB on a 9×11 stored matrix exercises the SSE 4×4 blocks and the ragged edges:
        // op(B) is 11×9 and packed element (p, j) of panel j/nr must equal stored[j, p].
        const int rows = 9, cols = 11, nr = 8;
        var stored = new float[rows * cols];
        for (int i = 0; i < stored.Length; i++) stored[i] = i;
        var packed = new float[2 * cols * nr];
        fixed (float* s = stored)
        fixed (float* dst = packed)
            GemmPacking.PackB(transB: true, s, cols, kc: cols, cols: rows, nr, dst);
        for (int j = 0; j < 2 * nr; j++)
            for (int p = 0; p < cols; p++)
            {
                float expected = j < rows ? stored[j * cols + p] : 0f;
                Assert.AreEqual(expected, packed[(j / nr) * cols * nr + p * nr + j % nr], $"p={p} j={j}");
            }
    }
}
