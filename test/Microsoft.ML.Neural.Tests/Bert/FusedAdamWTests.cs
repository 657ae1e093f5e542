using Microsoft.ML.Neural.Bert;

namespace Microsoft.ML.Neural.Tests.Bert;

[TestClass]
public sealed class FusedAdamWTests
{
    [TestMethod]
    public void Step_FollowsTorchAdamW_OnHandWorkedNumbers()
    {
        // p = 1, g = 0.5, lr 0.1, wd 0.01. Step 1: p·(1 − 0.001) = 0.999, m̂ = 0.5, v̂ = 0.25, p − 0.1·0.5/0.5 = 0.899.
        // Step 2: 0.899·0.999 = 0.898101, m̂ = 0.095/0.19 = 0.5, v̂ = 0.00049975/0.001999 = 0.25, so 0.798101.
        var table = new ParameterTable();
        table.Add("w", 1);
        table.Values[0] = 1f;
        var optimizer = new FusedAdamW(learningRate: 0.1f, weightDecay: 0.01f);
        optimizer.Add(table);

        table.Grads[0] = 0.5f;
        optimizer.Step();
        Assert.AreEqual(0.899f, table.Values[0], 1e-6f);
        optimizer.Step();
        Assert.AreEqual(0.798101f, table.Values[0], 1e-6f);
        Assert.AreEqual(2, optimizer.StepCount);
    }

    [TestMethod]
    public void Step_UntouchedSparseRows_UpdateExactlyAsDenseZeroGradients()
    {
        const int rows = 5, width = 24;
        var (sparse, sparseSlice) = Table(rows, width);
        var (dense, _) = Table(rows, width);
        var touched = new[] { true, false, false, true, false };
        var sparseOptimizer = new FusedAdamW(0.01f);
        sparseOptimizer.Add(sparse, sparseSlice, width, touched);
        var denseOptimizer = new FusedAdamW(0.01f);
        denseOptimizer.Add(dense);

        for (int step = 0; step < 3; step++)
        {
            Array.Clear(dense.Grads);
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < width; c++)
                {
                    int i = sparseSlice.Offset + r * width + c;
                    // Untouched rows of the sparse table hold garbage that must not be read.
                    sparse.Grads[i] = touched[r] ? 0.1f * (c - step) : float.NaN;
                    dense.Grads[i] = touched[r] ? 0.1f * (c - step) : 0f;
                }
            sparse.Grads[0] = dense.Grads[0] = 0.3f;
            sparseOptimizer.Step();
            denseOptimizer.Step();
        }

        CollectionAssert.AreEqual(dense.Values, sparse.Values);
    }

    private static (ParameterTable Table, ParameterSlice Rows) Table(int rows, int width)
    {
        var table = new ParameterTable();
        table.Add("bias", 1);
        var slice = table.Add("embedding", rows, width);
        for (int i = 0; i < table.Length; i++) table.Values[i] = 0.01f * i;
        return (table, slice);
    }
}
