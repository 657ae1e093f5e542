using System.Numerics;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Kernels over feature-major activations ([features, batch], one contiguous row per unit), where a sparse
/// weight matrix touches whole batch rows: every stored weight is one fused multiply-add per batch element.
/// </summary>
internal static class SparseKernels
{
    /// <summary>
    /// For each target row r: y[r] (+)= Σ over stored k of that row, values[valueIndex[k]] · x[sources[k]].
    /// <paramref name="valueIndex"/> null means values are stored in k order. Accumulates a vector-width
    /// column block of the row in a register across all of the row's weights, so y is written once.
    /// </summary>
    public static void Multiply(ReadOnlySpan<int> starts, ReadOnlySpan<int> sources, int[]? valueIndex,
        ReadOnlySpan<float> values, ReadOnlySpan<float> x, int batch, Span<float> y, bool accumulate)
    {
        int rows = starts.Length - 1;
        int width = Vector<float>.Count;
        int blocked = batch - batch % width;
        ref float x0 = ref MemoryMarshal.GetReference(x);
        for (int r = 0; r < rows; r++)
        {
            int begin = starts[r], end = starts[r + 1];
            var row = y.Slice(r * batch, batch);
            if (!accumulate) row.Clear();
            for (int c = 0; c < blocked; c += width)
            {
                var acc = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(row), (nuint)c);
                for (int k = begin; k < end; k++)
                {
                    float w = values[valueIndex is null ? k : valueIndex[k]];
                    acc += new Vector<float>(w) * Vector.LoadUnsafe(ref x0, (nuint)(sources[k] * batch + c));
                }
                acc.StoreUnsafe(ref MemoryMarshal.GetReference(row), (nuint)c);
            }
            for (int c = blocked; c < batch; c++)
            {
                float acc = row[c];
                for (int k = begin; k < end; k++)
                    acc += values[valueIndex is null ? k : valueIndex[k]] * x[sources[k] * batch + c];
                row[c] = acc;
            }
        }
    }

    /// <summary>Gradient of each stored weight k (row i, column j): the batch dot product of dy[i] and x[j].</summary>
    public static void WeightGradients(ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> columns, ReadOnlySpan<float> dy,
        ReadOnlySpan<float> x, int batch, Span<float> gradients)
    {
        for (int i = 0; i < rowStarts.Length - 1; i++)
        {
            var dyRow = dy.Slice(i * batch, batch);
            for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++)
                gradients[k] = TensorPrimitives.Dot(dyRow, x.Slice(columns[k] * batch, batch));
        }
    }

    /// <summary>[rows, cols] row-major → [cols, rows] row-major.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> target)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = source.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++) target[c * rows + r] = row[c];
        }
    }
}
