using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

[TestClass]
public sealed class GemmTests
{
    /// <summary>Odd sizes around the tile sizes (4, 6, 8, 16, 32; one or two rows) and the
    /// cache blocks (KC = 256, MC = 144, NC = 1024), so edge tiles and multi-block loops all run;
    /// the larger ones exceed the multi-threading threshold. Widths that are whole B panels of every
    /// kernel (64, 256) with a small k block and at most MC rows per thread let the kernels read a row-major
    /// op(B) in place.</summary>
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (1, 100, 300), (2, 33, 70), (3, 17, 33), (17, 3, 65), (33, 65, 17),
        (65, 100, 3), (100, 33, 257), (257, 65, 100), (13, 1100, 300), (150, 40, 520),
        (2, 64, 33), (37, 64, 300), (200, 256, 40),
    ];

    private static readonly float[] Betas = [0f, 1f, -0.5f];

    [TestMethod]
    [DataRow("Vector512")]
    [DataRow("Vector256")]
    [DataRow("Scalar")]
    [DataRow("OpenBlas")]
    public void Sgemm_EveryTransposeOddShapeAndBeta_MatchesDoublePrecisionReference(string pathName)
    {
        var path = Require(pathName);
        int seed = 0;
        foreach (var (m, n, k) in Shapes)
            foreach (bool transA in new[] { false, true })
                foreach (bool transB in new[] { false, true })
                    foreach (float beta in Betas)
                    {
                        var problem = new GemmProblem(m, n, k, transA, transB, beta, seed++);
                        problem.AssertMatchesReference(problem.Run(path), $"{pathName} {problem}");
                    }
    }

    [TestMethod]
    [DataRow("Vector512")]
    [DataRow("Vector256")]
    [DataRow("Scalar")]
    [DataRow("OpenBlas")]
    public void Sgemm_LeadingDimensionsWiderThanTheMatrices_ComputesProductAndLeavesPaddingAlone(string pathName)
    {
        var path = Require(pathName);
        int seed = 100;
        // 64 columns: whole B panels, read in place when B is not transposed.
        foreach (int n in new[] { 45, 64 })
            foreach (bool transA in new[] { false, true })
                foreach (bool transB in new[] { false, true })
                {
                    var problem = new GemmProblem(37, n, 270, transA, transB, beta: 0.25f, seed++, pad: 7);
                    var c = problem.Run(path);
                    problem.AssertMatchesReference(c, $"{pathName} {problem}");
                    problem.AssertPaddingUntouched(c);
                }
    }

    [TestMethod]
    [DataRow("Vector512")]
    [DataRow("Vector256")]
    [DataRow("Scalar")]
    [DataRow("OpenBlas")]
    public void Sgemm_TwoByTwo_MatchesHandComputedProductsForAllTransposes(string pathName)
    {
        var path = Require(pathName);
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8];
        // A·B, Aᵀ·B, A·Bᵀ, Aᵀ·Bᵀ of A = [1 2; 3 4], B = [5 6; 7 8], worked out by hand.
        var expected = new Dictionary<(bool, bool), float[]>
        {
            [(false, false)] = [19, 22, 43, 50],
            [(true, false)] = [26, 30, 38, 44],
            [(false, true)] = [17, 23, 39, 53],
            [(true, true)] = [23, 31, 34, 46],
        };
        foreach (var ((transA, transB), product) in expected)
        {
            var c = new float[4];
            Gemm.Sgemm(path, int.MaxValue, transA, transB, 2, 2, 2, a, 2, b, 2, c, 2);
            CollectionAssert.AreEqual(product, c, $"transA={transA} transB={transB}");
        }
    }

    [TestMethod]
    [DataRow("Vector512")]
    [DataRow("Vector256")]
    [DataRow("Scalar")]
    [DataRow("OpenBlas")]
    public void Sgemm_BetaOne_AddsTheProductToC(string pathName)
    {
        var path = Require(pathName);
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8], c = [1, -1, 0.5f, 100];
        Gemm.Sgemm(path, int.MaxValue, false, false, 2, 2, 2, a, 2, b, 2, c, 2, beta: 1f);
        CollectionAssert.AreEqual(new float[] { 20, 21, 43.5f, 150 }, c);
    }

    [TestMethod]
    public void Sgemm_BetaZero_OverwritesNaNInCWithoutPropagatingIt()
    {
        float[] a = [1, 2], b = [3, 4];
        var c = new[] { float.NaN };
        Gemm.Sgemm(false, false, 1, 1, 2, a, 2, b, 1, c, 1);
        Assert.AreEqual(11f, c[0]);
    }

    [TestMethod]
    public void Sgemm_WithKZero_ScalesCByBeta()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Sgemm(false, false, 2, 2, 0, ReadOnlySpan<float>.Empty, 1, ReadOnlySpan<float>.Empty, 2, c, 2, beta: 3f);
        CollectionAssert.AreEqual(new float[] { 3, 6, 9, 12 }, c);
        Gemm.Sgemm(false, false, 2, 2, 0, ReadOnlySpan<float>.Empty, 1, ReadOnlySpan<float>.Empty, 2, c, 2);
        CollectionAssert.AreEqual(new float[] { 0, 0, 0, 0 }, c);
    }

    [TestMethod]
    public void Sgemm_ASpanTooShort_ThrowsNamingTheOperandAndSizes()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() =>
            Gemm.Sgemm(false, false, 3, 2, 4, new float[11], 4, new float[8], 2, new float[6], 2));
        StringAssert.Contains(e.Message, "A is stored 3×4 with lda = 4, which needs 12 elements, but the span has 11");
    }

    [TestMethod]
    public void Sgemm_LeadingDimensionBelowWidth_ThrowsNamingIt()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            Gemm.Sgemm(false, true, 2, 3, 4, new float[8], 4, new float[12], 3, new float[6], 3));
        Assert.AreEqual("ldb", e.ParamName);
        StringAssert.Contains(e.Message, "B is stored 3×4, so ldb must be at least 4");
    }

    [TestMethod]
    public void Sgemm_NegativeDimension_Throws()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            Gemm.Sgemm(false, false, -1, 2, 2, new float[4], 2, new float[4], 2, new float[4], 2));
        Assert.AreEqual("m", e.ParamName);
    }

    [TestMethod]
    public void Sgemm_COverlappingA_Throws()
    {
        var buffer = new float[8];
        var e = Assert.ThrowsExactly<ArgumentException>(() =>
            Gemm.Sgemm(false, false, 2, 2, 2, buffer.AsSpan(0, 4), 2, new float[4], 2, buffer.AsSpan(2, 4), 2));
        StringAssert.Contains(e.Message, "C must not overlap A");
    }

    /// <summary>The path named by a test row, or Inconclusive where this machine cannot run it.</summary>
    internal static GemmPath Require(string pathName)
    {
        var path = Enum.Parse<GemmPath>(pathName);
        bool available = path switch
        {
            GemmPath.Vector512 => Vector512MicroKernel.IsSupported,
            GemmPath.Vector256 => Vector256MicroKernel.IsSupported,
            GemmPath.OpenBlas => OpenBlas.IsAvailable,
            _ => true,
        };
        if (!available) Assert.Inconclusive($"{pathName} SGEMM is not available on this machine.");
        return path;
    }
}
