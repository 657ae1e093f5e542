using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

[TestClass]
public sealed class GemmDeterminismTests
{
    /// <summary>Big enough (2·300·340·600 ≈ 122 Mflop) to be split across threads, with edges
    /// in every dimension and several k blocks.</summary>
    private static GemmProblem LargeProblem(bool transA = false, bool transB = false) =>
        new(300, 340, 600, transA, transB, beta: 0.5f, seed: 7);

    [TestMethod]
    public void Sgemm_RepeatedCalls_GiveBitIdenticalResults()
    {
        var problem = LargeProblem();
        var first = problem.Run(GemmPath.Managed);
        for (int run = 0; run < 3; run++)
            CollectionAssert.AreEqual(first, problem.Run(GemmPath.Managed), $"run {run}");
    }

    [TestMethod]
    public void Sgemm_OneThreadAndAllThreads_GiveBitIdenticalResults()
    {
        foreach (bool transA in new[] { false, true })
            foreach (bool transB in new[] { false, true })
            {
                // Tall and wide shapes: the threads split rows in one and columns in the other; 256 columns in
                // k blocks of at most 256, 100 rows per thread, are read in place when B is not transposed.
                foreach (var problem in new[] { LargeProblem(transA, transB), new GemmProblem(40, 1100, 300, transA, transB, 0f, seed: 8),
                             new GemmProblem(200, 256, 300, transA, transB, 0f, seed: 10) })
                {
                    var single = problem.Run(GemmPath.Managed, maxThreads: 1);
                    var threaded = problem.Run(GemmPath.Managed);
                    CollectionAssert.AreEqual(single, threaded, problem.ToString());
                }
            }
    }

    [TestMethod]
    public void Sgemm_Vector512Vector256AndScalarKernels_GiveBitIdenticalResults()
    {
        // All kernels evaluate each element as the same FMA chain in the same k order.
        // n = 64 with B not transposed: B read in place.
        foreach (var (m, n, transA) in new[] { (70, 90, false), (70, 90, true), (1, 90, false), (2, 90, true), (70, 64, true), (5, 64, true) })
        {
            var problem = new GemmProblem(m, n, 530, transA, !transA, beta: -0.75f, seed: 9);
            var scalar = problem.Run(GemmPath.Scalar);
            if (Vector256MicroKernel.IsSupported)
                CollectionAssert.AreEqual(scalar, problem.Run(GemmPath.Vector256), $"Vector256 {problem}");
            if (Vector512MicroKernel.IsSupported)
                CollectionAssert.AreEqual(scalar, problem.Run(GemmPath.Vector512), $"Vector512 {problem}");
        }
    }

    [TestMethod]
    public void Sgemm_ThreeAndFourRowEdgeTiles_MatchTheScalarKernelBitForBit()
    {
        // m mod 8 = 3 or 4 with more than 16 columns runs the AVX-512 kernel's four-row edge tile (100 rows: the
        // last band of the two-thread split); 100×100×784 is the first layer of the MLP benchmark.
        foreach (var (m, n, k, transA) in new[] { (3, 40, 530, false), (4, 100, 530, true), (12, 70, 300, false), (100, 100, 784, false), (100, 100, 784, true) })
        {
            var problem = new GemmProblem(m, n, k, transA, !transA, beta: 0.5f, seed: 11);
            var scalar = problem.Run(GemmPath.Scalar);
            if (Vector512MicroKernel.IsSupported)
            {
                CollectionAssert.AreEqual(scalar, problem.Run(GemmPath.Vector512), $"Vector512 {problem}");
                CollectionAssert.AreEqual(scalar, problem.Run(GemmPath.Vector512, maxThreads: 1), $"Vector512 one thread {problem}");
            }
        }
    }

    [TestMethod]
    public void Sgemm_CalledFromConcurrentThreads_GivesTheSameBitsAsSequentialCalls()
    {
        // Callers such as attention run SGEMM inside Parallel.For: small products (OpenBLAS
        // where present) and large ones (one caller gets the worker pool, the others run alone).
        var problems = Enumerable.Range(0, 8)
            .Select(i => i % 2 == 0
                ? new GemmProblem(64, 64, 64, i % 4 == 0, false, 0f, seed: 20 + i)
                : new GemmProblem(160, 200, 300, false, i % 3 == 0, 1f, seed: 20 + i))
            .ToArray();
        var sequential = problems.Select(p => p.Run(GemmPath.Auto)).ToArray();
        for (int round = 0; round < 3; round++)
        {
            var concurrent = new float[problems.Length][];
            Parallel.For(0, problems.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
                i => concurrent[i] = problems[i].Run(GemmPath.Auto));
            for (int i = 0; i < problems.Length; i++)
                CollectionAssert.AreEqual(sequential[i], concurrent[i], $"round {round}: {problems[i]}");
        }
    }

    [TestMethod]
    public void Sgemm_AfterWarmUp_AllocatesNothing()
    {
        var problem = LargeProblem();
        var c = (float[])problem.C0.Clone();
        void Call() => Gemm.Sgemm(GemmPath.Managed, int.MaxValue, false, false, problem.M, problem.N, problem.K,
            problem.A, problem.Lda, problem.B, problem.Ldb, c, problem.Ldc, problem.Beta);
        Call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) Call();
        Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    public void Sgemm_ManagedAndOpenBlas_AgreeWithinRoundingError()
    {
        GemmTests.Require("OpenBlas");
        foreach (bool transA in new[] { false, true })
            foreach (bool transB in new[] { false, true })
            {
                var problem = new GemmProblem(123, 77, 700, transA, transB, beta: 1f, seed: 10);
                var managed = problem.Run(GemmPath.Managed);
                var openBlas = problem.Run(GemmPath.OpenBlas);
                // Each differs from the exact product by at most (k+2)·u·Σ|a·b| (GemmProblem), so
                // they differ from each other by at most twice that; Σ|a·b| ≤ k for entries in [-1, 1].
                double bound = 2 * (problem.K + 2) * Math.ScaleB(1.0, -24) * (problem.K + 1);
                for (int i = 0; i < managed.Length; i++)
                    Assert.IsTrue(Math.Abs(managed[i] - openBlas[i]) <= bound,
                        $"{problem}: element {i}: managed {managed[i]:R}, OpenBLAS {openBlas[i]:R}");
                problem.AssertMatchesReference(openBlas, "OpenBlas");
            }
    }
}
