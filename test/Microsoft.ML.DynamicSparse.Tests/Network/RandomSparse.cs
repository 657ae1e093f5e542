using Microsoft.ML.DynamicSparse;

namespace Microsoft.ML.DynamicSparse.Tests;

/// <summary>Random sparse structures and values for checking kernels against straightforward dense references.</summary>
internal static class RandomSparse
{
    /// <summary>(batch, density) pairs for kernel tests: batches below one vector (1), exact vectors (32), a partial
    /// panel (100) and a ragged tail (129); densities empty, typical (0.2) and full.</summary>
    public static IEnumerable<object[]> BatchDensityCases =>
        from batch in new[] { 1, 32, 100, 129 }
        from density in new[] { 0.0, 0.2, 1.0 }
        select new object[] { batch, density };

    /// <summary>Each (row, source) present with probability <paramref name="density"/>, sources ascending per row;
    /// also returns the dense [rows, sources] matrix of the values (0 where absent).</summary>
    public static (BlockedRows Structure, float[] Values, float[] Dense) Create(int rows, int sources, double density, Random random)
    {
        var starts = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<float>();
        var dense = new float[rows * sources];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < sources; j++)
            {
                if (random.NextDouble() >= density) continue;
                float value = random.NextSingle() * 2 - 1;
                indices.Add(j);
                values.Add(value);
                dense[r * sources + j] = value;
            }
            starts[r + 1] = indices.Count;
        }
        return (new BlockedRows(starts, indices.ToArray(), sources), values.ToArray(), dense);
    }

    public static float[] Values(int count, Random random) =>
        Enumerable.Range(0, count).Select(_ => random.NextSingle() * 2 - 1).ToArray();
}
