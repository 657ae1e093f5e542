using System.Numerics.Tensors;
using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

[TestClass]
public sealed class NearestRowSearchTests
{
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void SquaredDistances_RaggedShapes_MatchDoublePrecisionDirectSums(bool fused)
    {
        if (fused && !NearestRowSearch.IsFused) Assert.Inconclusive("This machine lacks AVX-512.");
        // Reference counts around the 32-wide panels, dimensions around the 16-wide vectors and the
        // 256-deep k blocks, query counts around the 8-row panels and the threading threshold.
        int seed = 0;
        foreach (var (count, dim, queries) in new[] { (1, 1, 1), (31, 37, 9), (33, 16, 8), (400, 128, 40), (70, 300, 17), (5, 513, 3) })
        {
            var random = new Random(seed++);
            var references = RandomValues(random, count * dim);
            var q = RandomValues(random, queries * dim);
            var search = new NearestRowSearch(count, dim, fused);
            search.Load(references);
            var distances = new float[queries * count];
            var nearest = new int[queries];
            search.SquaredDistances(q, queries, distances, nearest);
            for (int i = 0; i < queries; i++)
            {
                int best = 0;
                for (int r = 0; r < count; r++)
                {
                    double direct = 0, scale = 0;
                    for (int p = 0; p < dim; p++)
                    {
                        double d = q[i * dim + p] - references[r * dim + p];
                        direct += d * d;
                        scale += q[i * dim + p] * (double)q[i * dim + p] + references[r * dim + p] * (double)references[r * dim + p];
                    }
                    // The norm expansion cancels: its error scales with ‖q‖² + ‖r‖², not with the distance.
                    Assert.AreEqual(direct, distances[i * count + r], 1e-6 * scale + 1e-6, $"fused {fused} count {count} dim {dim} query {i} reference {r}");
                    if (distances[i * count + r] < distances[i * count + best]) best = r;
                }
                Assert.AreEqual(best, nearest[i], $"count {count} dim {dim} query {i}");
            }
        }
    }

    [TestMethod]
    public void SquaredDistances_EqualTheManagedSgemmFollowedByTheSameArithmetic_BitForBit()
    {
        if (!NearestRowSearch.IsFused) Assert.Inconclusive("The fused kernel needs AVX-512.");
        foreach (int dim in new[] { 128, 300 })
        {
            const int count = 45, queries = 18;   // edge tiles: 13 references, 2 queries (the few-row loop)
            var random = new Random(dim);
            var references = RandomValues(random, count * dim);
            var q = RandomValues(random, queries * dim);
            var search = new NearestRowSearch(count, dim);
            search.Load(references);
            var distances = new float[queries * count];
            search.SquaredDistances(q, queries, distances, []);

            var expected = new float[queries * count];
            Gemm.Sgemm(GemmPath.Managed, int.MaxValue, false, true, queries, count, dim, q, dim, references, dim, expected, count);
            for (int i = 0; i < queries; i++)
            {
                float qn = TensorPrimitives.SumOfSquares(q.AsSpan(i * dim, dim));
                for (int r = 0; r < count; r++)
                {
                    float rn = TensorPrimitives.SumOfSquares(references.AsSpan(r * dim, dim));
                    float value = expected[i * count + r] * -2f + rn + qn;
                    expected[i * count + r] = MathF.Max(value, 0f);
                }
            }
            CollectionAssert.AreEqual(expected, distances, $"dim {dim}");
        }
    }

    [TestMethod]
    public void SquaredDistances_ManyQueriesOnWorkerThreads_EqualOneQueryAtATime()
    {
        if (!NearestRowSearch.IsFused) Assert.Inconclusive("The fused kernel needs AVX-512.");
        const int count = 400, dim = 128, queries = 96;   // 9.8 Mflop: split across the SGEMM workers
        var random = new Random(11);
        var references = RandomValues(random, count * dim);
        var q = RandomValues(random, queries * dim);
        var search = new NearestRowSearch(count, dim);
        search.Load(references);
        var batched = new float[queries * count];
        var nearest = new int[queries];
        search.SquaredDistances(q, queries, batched, nearest);
        var single = new float[count];
        var one = new int[1];
        for (int i = 0; i < queries; i++)
        {
            search.SquaredDistances(q.AsSpan(i * dim, dim), 1, single, one);
            CollectionAssert.AreEqual(single, batched.AsSpan(i * count, count).ToArray(), $"query {i}");
            Assert.AreEqual(one[0], nearest[i]);
        }
    }

    [TestMethod]
    public void Nearest_WithEqualReferencesInDifferentLanesAndPanels_IsTheFirstInIndexOrder()
    {
        // References 4, 20 (same lane, other half of the panel), 36 and 68 (same lane, later panels) equal the query.
        const int count = 70, dim = 3;
        var references = new float[count * dim];
        for (int r = 0; r < count; r++) references[r * dim] = 10f + r;
        float[] query = [1f, 2f, 3f];
        foreach (int r in new[] { 68, 36, 20, 4 }) query.CopyTo(references, r * dim);
        var search = new NearestRowSearch(count, dim);
        search.Load(references);
        var distances = new float[count];
        var nearest = new int[1];
        search.SquaredDistances(query, 1, distances, nearest);
        Assert.AreEqual(4, nearest[0]);
        Assert.AreEqual(0f, distances[68]);
        Assert.AreEqual(81f + 4f + 9f, distances[0]);   // (10 − 1)² + (0 − 2)² + (0 − 3)²
    }

    [TestMethod]
    public void Load_AfterTheReferencesMove_SearchesTheNewValues()
    {
        var search = new NearestRowSearch(2, 2);
        search.Load([0f, 0f, 5f, 5f]);
        var distances = new float[2];
        var nearest = new int[1];
        search.SquaredDistances([4f, 4f], 1, distances, nearest);
        CollectionAssert.AreEqual(new[] { 32f, 2f }, distances);
        Assert.AreEqual(1, nearest[0]);
        search.Load([4f, 3f, 5f, 5f]);
        search.SquaredDistances([4f, 4f], 1, distances, nearest);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, distances);
        Assert.AreEqual(0, nearest[0]);
        CollectionAssert.AreEqual(new[] { 25f, 50f }, search.SquaredNorms.ToArray());
    }

    [TestMethod]
    public void IndexOfFirstMinimum_ReturnsTheFirstOfEqualMinimaInTheVectorPartOrTheTail()
    {
        var values = Enumerable.Range(0, 45).Select(i => 100f - i).ToArray();
        Assert.AreEqual(44, NearestRowSearch.IndexOfFirstMinimum(values));   // in the tail after two vectors
        values[7] = values[23] = values[39] = -1f;
        Assert.AreEqual(7, NearestRowSearch.IndexOfFirstMinimum(values));
        values[40] = -2f;
        Assert.AreEqual(40, NearestRowSearch.IndexOfFirstMinimum(values));
        Assert.AreEqual(1, NearestRowSearch.IndexOfFirstMinimum([3f, 1f, 1f]));
        Assert.AreEqual(0, NearestRowSearch.IndexOfFirstMinimum(Enumerable.Repeat(2f, 33).ToArray()));
    }

    [TestMethod]
    public void SquaredDistances_WithBuffersOfTheWrongSize_ThrowNamingTheSizes()
    {
        var search = new NearestRowSearch(3, 2);
        search.Load(new float[6]);
        var e = Assert.ThrowsExactly<ArgumentException>(() => search.SquaredDistances(new float[4], 2, new float[5], []));
        StringAssert.Contains(e.Message, "2×3 = 6");
        e = Assert.ThrowsExactly<ArgumentException>(() => search.SquaredDistances(new float[3], 2, new float[6], []));
        StringAssert.Contains(e.Message, "need 4 values, got 3");
        e = Assert.ThrowsExactly<ArgumentException>(() => search.Load(new float[5]));
        StringAssert.Contains(e.Message, "need 6 values, got 5");
    }

    private static float[] RandomValues(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = random.NextSingle() * 2f - 1f;
        return values;
    }
}
