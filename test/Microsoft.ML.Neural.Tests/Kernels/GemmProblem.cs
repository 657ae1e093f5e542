using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.Neural.Tests.Kernels;

/// <summary>A strided SGEMM problem with random operands, its double-precision reference
/// product and a rigorous float error bound, shared by the SGEMM tests.</summary>
internal sealed class GemmProblem
{
    public GemmProblem(int m, int n, int k, bool transA, bool transB, float beta, int seed, int pad = 0)
    {
        M = m; N = n; K = k; TransA = transA; TransB = transB; Beta = beta;
        Lda = (transA ? m : k) + pad;
        Ldb = (transB ? k : n) + pad;
        Ldc = n + pad;
        var random = new Random(seed);
        A = RandomMatrix(random, transA ? k : m, Lda);
        B = RandomMatrix(random, transB ? n : k, Ldb);
        C0 = RandomMatrix(random, m, Ldc);
    }

    public int M { get; }
    public int N { get; }
    public int K { get; }
    public bool TransA { get; }
    public bool TransB { get; }
    public float Beta { get; }
    public int Lda { get; }
    public int Ldb { get; }
    public int Ldc { get; }
    public float[] A { get; }
    public float[] B { get; }
    /// <summary>C before the call (beta·C0 enters the result).</summary>
    public float[] C0 { get; }

    public float OpA(int i, int p) => TransA ? A[p * Lda + i] : A[i * Lda + p];
    public float OpB(int p, int j) => TransB ? B[j * Ldb + p] : B[p * Ldb + j];

    /// <summary>Runs SGEMM on <paramref name="path"/> over a copy of C0 and returns it.</summary>
    public float[] Run(GemmPath path, int maxThreads = int.MaxValue)
    {
        var c = (float[])C0.Clone();
        Gemm.Sgemm(path, maxThreads, TransA, TransB, M, N, K, A, Lda, B, Ldb, c, Ldc, Beta);
        return c;
    }

    /// <summary>Checks every element of C against the product computed in double. A chain of
    /// k float FMAs plus the final beta FMA has at most k+1 roundings of relative size
    /// u = 2⁻²⁴, so |error| ≤ (k+1)·u·(Σ|a·b| + |beta·c|) (Higham, inner products); the bound
    /// uses k+2 for margin. A dropped or doubled term errs by a whole |a·b|, far above it.</summary>
    public void AssertMatchesReference(float[] c, string label)
    {
        double u = Math.ScaleB(1.0, -24);
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < K; p++)
                {
                    double term = (double)OpA(i, p) * OpB(p, j);
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                double old = Beta == 0f ? 0 : (double)Beta * C0[i * Ldc + j];
                double expected = sum + old;
                double tolerance = (K + 2) * u * (magnitude + Math.Abs(old));
                double actual = c[i * Ldc + j];
                if (!(Math.Abs(actual - expected) <= tolerance))
                    Assert.Fail($"{label}: C[{i},{j}] = {actual:R}, expected {expected:R} ± {tolerance:E2}");
            }
        }
    }

    /// <summary>Checks that the padding columns of C (beyond n in each row) still hold C0.</summary>
    public void AssertPaddingUntouched(float[] c)
    {
        for (int i = 0; i < M; i++)
            for (int j = N; j < Ldc && i * Ldc + j < c.Length; j++)
                Assert.AreEqual(C0[i * Ldc + j], c[i * Ldc + j], $"padding C[{i},{j}] was overwritten");
    }

    public override string ToString() =>
        $"m={M} n={N} k={K} transA={TransA} transB={TransB} beta={Beta} lda={Lda} ldb={Ldb} ldc={Ldc}";

    private static float[] RandomMatrix(Random random, int rows, int ld)
    {
        var data = new float[rows * ld];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(random.NextDouble() * 2 - 1);
        return data;
    }
}
