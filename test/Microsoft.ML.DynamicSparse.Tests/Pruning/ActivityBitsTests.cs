using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

/// <summary>Bit packing and both popcount kernels against a brute-force count of samples where both units are on.</summary>
[TestClass]
public sealed class ActivityBitsTests
{
    [TestMethod]
    [DynamicData(nameof(RandomSparse.BatchDensityCases), typeof(RandomSparse))]
    public void AddCounts_BothPaths_CountSamplesWhereBothEndsAreOn(int batch, double density)
    {
        var random = new Random(batch + (int)(density * 10));
        int inputs = random.Next(1, 40), outputs = random.Next(1, 9), offset = random.Next(0, 64);
        int words = (offset + batch + 63) / 64, stride = ActivityBits.PaddedStride(inputs);
        float[] Activity(int features) =>
            Enumerable.Range(0, features * batch).Select(_ => random.NextDouble() < density ? random.NextSingle() + 0.01f : -random.NextSingle()).ToArray();
        var pre = Activity(inputs);
        var post = Activity(outputs);
        var preBits = new ulong[words * stride];
        var postBits = new ulong[outputs * words];
        ActivityBits.Pack(pre, batch, offset, preBits, featureStride: 1, wordStride: stride);
        ActivityBits.Pack(post, batch, offset, postBits, featureStride: words, wordStride: 1);
        var scalar = new int[outputs * inputs];
        var vector = new int[outputs * inputs];

        ActivityBits.AddCountsScalar(postBits, preBits, words, inputs, stride, scalar, 0, outputs);
        if (ActivityBits.Vectorized)
            ActivityBits.AddCountsVector(postBits, preBits, words, inputs, stride, vector, 0, outputs);

        for (int i = 0; i < outputs; i++)
            for (int j = 0; j < inputs; j++)
            {
                int expected = Enumerable.Range(0, batch).Count(b => pre[j * batch + b] > 0 && post[i * batch + b] > 0);
                Assert.AreEqual(expected, scalar[i * inputs + j], $"scalar C[{i},{j}]");
                if (ActivityBits.Vectorized)
                    Assert.AreEqual(expected, vector[i * inputs + j], $"vector C[{i},{j}]");
            }
    }

    [TestMethod]
    public void AddCounts_WithMoreWordsThanAByteCanSum_StillCountsExactly()
    {
        // 40 words of all-ones: 2560 co-activations per pair, past the 31-word byte-counter limit.
        const int inputs = 9, outputs = 2, words = 40;
        int stride = ActivityBits.PaddedStride(inputs);
        var preBits = Enumerable.Repeat(ulong.MaxValue, words * stride).ToArray();
        var postBits = Enumerable.Repeat(ulong.MaxValue, outputs * words).ToArray();
        var counts = new int[outputs * inputs];

        ActivityBits.AddCounts(postBits, preBits, words, inputs, stride, counts, 0, outputs);

        Assert.IsTrue(counts.All(c => c == 64 * words), string.Join(", ", counts));
    }

    [TestMethod]
    public void Pack_SetsOneBitPerPositiveValueFromTheOffset()
    {
        float[] activity = [1, 0, -2, 3, /* feature 1 */ 0, 5, 5, 0];
        var bits = new ulong[4]; // two features × two words, feature-major

        ActivityBits.Pack(activity, batch: 4, offset: 62, bits, featureStride: 2, wordStride: 1);

        // Samples 0 and 3 of feature 0 land on bits 62 and 65 (word 1, bit 1); feature 1's samples 1 and 2 on 63, 64.
        CollectionAssert.AreEqual(new[] { 1UL << 62, 1UL << 1, 1UL << 63, 1UL }, bits);
    }
}
