using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Microsoft.ML.SleepReplay;

/// <summary>Spectral measures of weight matrices (row-major float, rows×cols).</summary>
public static class MatrixAnalysis
{
    /// <summary>Stable rank ‖W‖_F² / σ_max(W)²; 0 for an all-zero matrix.</summary>
    public static double StableRank(float[] weights, int rows, int cols)
    {
        CheckShape(weights, rows, cols);
        double frobenius = 0;
        foreach (float w in weights) frobenius += (double)w * w;
        if (frobenius == 0) return 0;
        double sigma = LargestSingularValue(weights, rows, cols);
        return frobenius / (sigma * sigma);
    }

    /// <summary>σ_max by power iteration on WᵀW from a fixed start, so the result is deterministic.</summary>
    public static double LargestSingularValue(float[] weights, int rows, int cols, int maxIterations = 200, double tolerance = 1e-6)
    {
        CheckShape(weights, rows, cols);
        var v = new float[cols];
        var u = new float[rows];
        for (int j = 0; j < cols; j++) v[j] = 1f + j % 7 * 0.1f;   // a fixed start, in practice never orthogonal to the top singular vector
        Normalize(v);
        double sigma = 0;
        for (int it = 0; it < maxIterations; it++)
        {
            for (int i = 0; i < rows; i++) u[i] = TensorPrimitives.Dot(weights.AsSpan(i * cols, cols), v);
            Array.Clear(v);
            for (int i = 0; i < rows; i++) TensorPrimitives.MultiplyAdd(weights.AsSpan(i * cols, cols), u[i], v, v);
            double next = Math.Sqrt(Normalize(v));        // ‖WᵀW v‖ → σ²
            if (Math.Abs(next - sigma) <= tolerance * next) return next;
            sigma = next;
        }
        return sigma;
    }

    /// <summary>
    /// Best rank-<paramref name="rank"/> approximation of W via a randomized range finder
    /// (two power iterations) and the SVD of the small projected matrix (MathNet.Numerics).
    /// </summary>
    public static float[] TruncateRank(float[] weights, int rows, int cols, int rank, Random rng)
    {
        CheckShape(weights, rows, cols);
        if (rank <= 0) throw new ArgumentOutOfRangeException(nameof(rank), $"Rank is {rank}; it must be > 0.");
        if (rank >= Math.Min(rows, cols)) return (float[])weights.Clone();
        var w = Matrix<double>.Build.Dense(rows, cols, (i, j) => weights[i * cols + j]);
        int sketch = Math.Min(Math.Min(rows, cols), rank + 10);
        var omega = Matrix<double>.Build.Dense(cols, sketch, (_, _) => rng.NextDouble() * 2 - 1);
        var q = (w * omega).QR().Q.SubMatrix(0, rows, 0, sketch);
        for (int p = 0; p < 2; p++)
        {
            var z = (w.TransposeThisAndMultiply(q)).QR().Q.SubMatrix(0, cols, 0, sketch);
            q = (w * z).QR().Q.SubMatrix(0, rows, 0, sketch);
        }
        var b = q.TransposeThisAndMultiply(w);                  // sketch×cols
        var svd = b.Svd(computeVectors: true);
        var uk = (q * svd.U).SubMatrix(0, rows, 0, rank);
        var sk = svd.S.SubVector(0, rank);
        var vtk = svd.VT.SubMatrix(0, rank, 0, cols);
        var approx = uk * Matrix<double>.Build.DiagonalOfDiagonalVector(sk) * vtk;
        var result = new float[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) result[i * cols + j] = (float)approx[i, j];
        return result;
    }

    private static double Normalize(float[] v)
    {
        double norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, (float)norm, v);
        return norm;
    }

    private static void CheckShape(float[] weights, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (rows <= 0 || cols <= 0 || weights.Length != rows * cols)
            throw new ArgumentException($"{weights.Length} values do not form a {rows}×{cols} matrix.", nameof(weights));
    }
}
