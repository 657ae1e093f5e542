using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

[TestClass]
public sealed class CoactivationCounterTests
{
    [TestMethod]
    public void Add_CountsSamplesWhereBothEndsArePositive()
    {
        // Feature-major: 2 inputs × 3 samples, 2 outputs × 3 samples.
        float[] pre = [1, 0, 2, /* input 1 */ 0.5f, 3, -1];
        float[] post = [4, 4, 0, /* output 1 */ 0, 1, 1];
        var counter = new CoactivationCounter(inputs: 2, outputs: 2);

        counter.Add(pre, post, batch: 3);

        // C[out0,in0]: samples 0 → 1; C[out0,in1]: samples 0,1 → 2; C[out1,in0]: sample 2 → 1; C[out1,in1]: sample 1 → 1.
        CollectionAssert.AreEqual(new[] { 1, 2, 1, 1 }, counter.Counts.ToArray());
    }

    [TestMethod]
    public void Add_OverSeveralBatchesAccumulatesUntilReset()
    {
        var counter = new CoactivationCounter(1, 1);
        counter.Add([1, 1], [1, 1], batch: 2);
        counter.Add([1, 0], [1, 1], batch: 2);
        Assert.AreEqual(3, counter.Counts[0]);

        counter.Reset();

        Assert.AreEqual(0, counter.Counts[0]);
    }

    [TestMethod]
    public void Add_WithBatchWiderThanOneWord_MatchesTheOuterProductOfBinaryActivities()
    {
        const int inputs = 5, outputs = 3, batch = 130;
        var random = new Random(3);
        var pre = Enumerable.Range(0, inputs * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var post = Enumerable.Range(0, outputs * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var counter = new CoactivationCounter(inputs, outputs);

        counter.Add(pre, post, batch);

        for (int i = 0; i < outputs; i++)
            for (int j = 0; j < inputs; j++)
            {
                int expected = Enumerable.Range(0, batch).Count(b => pre[j * batch + b] > 0 && post[i * batch + b] > 0);
                Assert.AreEqual(expected, counter.Counts[i * inputs + j], $"C[{i},{j}]");
            }
    }

    [TestMethod]
    public void Add_ManyUnevenBatches_MatchesTheOuterProductOfBinaryActivities()
    {
        // Batches of 100, 37 and 130 samples straddle the 64-bit words and the buffer flushes.
        const int inputs = 9, outputs = 4;
        var random = new Random(5);
        var counter = new CoactivationCounter(inputs, outputs);
        var expected = new int[inputs * outputs];
        foreach (int batch in new[] { 100, 37, 130, 100, 100, 3 })
        {
            var pre = Enumerable.Range(0, inputs * batch).Select(_ => random.NextSingle() - 0.3f).ToArray();
            var post = Enumerable.Range(0, outputs * batch).Select(_ => random.NextSingle() - 0.6f).ToArray();
            counter.Add(pre, post, batch);
            for (int i = 0; i < outputs; i++)
                for (int j = 0; j < inputs; j++)
                    expected[i * inputs + j] += Enumerable.Range(0, batch).Count(b => pre[j * batch + b] > 0 && post[i * batch + b] > 0);
        }

        CollectionAssert.AreEqual(expected, counter.Counts.ToArray());
    }

    [TestMethod]
    public void Add_OnTwoThreads_CountsExactlyAsOnOne()
    {
        const int inputs = 300, outputs = 90, batch = 100; // 27,000 pairs: flushes are split
        var random = new Random(11);
        var single = new CoactivationCounter(inputs, outputs);
        var split = new CoactivationCounter(inputs, outputs) { Split = new RowSplit() };
        for (int step = 0; step < 25; step++)
        {
            var pre = Enumerable.Range(0, inputs * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
            var post = Enumerable.Range(0, outputs * batch).Select(_ => random.NextSingle() - 0.5f).ToArray();
            single.Add(pre, post, batch);
            split.Add(pre, post, batch);
        }

        CollectionAssert.AreEqual(single.Counts.ToArray(), split.Counts.ToArray());
        Assert.IsTrue(single.Counts.ToArray().Sum() > 0);
    }

    [TestMethod]
    public void Add_WithMismatchedLengths_ThrowsNamingTheShape()
    {
        var counter = new CoactivationCounter(2, 2);
        var error = Assert.ThrowsExactly<ArgumentException>(() => counter.Add(new float[5], new float[6], batch: 3));
        StringAssert.Contains(error.Message, "2×3");
    }
}
