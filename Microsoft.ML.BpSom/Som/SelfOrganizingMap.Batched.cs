using System.Numerics.Tensors;
using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.BpSom;

/// <summary>The batched operations of the map, for callers that hold a whole mini-batch of activations
/// (the BP-SOM text classifier, benchmarks): SGEMM distances, per-row winners and the mean update.</summary>
public sealed partial class SelfOrganizingMap
{
    /// <summary>Squared distances from each of <paramref name="batchSize"/> activation rows (row-major, Dimension wide)
    /// to every cell, into <paramref name="distances"/> [batchSize × CellCount], as ‖a‖² − 2·a·p + ‖p‖² with one SGEMM.
    /// Rounding can make this differ from the direct sum in the last bits, so near-exact ties may resolve differently
    /// than in <see cref="FindBestMatch"/>.</summary>
    public void ComputeSquaredDistances(ReadOnlySpan<float> activations, int batchSize, Span<float> distances)
    {
        CheckBatch(activations, batchSize);
        if (distances.Length != batchSize * CellCount)
            throw new ArgumentException($"The distance buffer needs {batchSize * CellCount} values, got {distances.Length}.", nameof(distances));
        int cells = CellCount, dim = Dimension;
        Gemm.Sgemm(false, true, batchSize, cells, dim, activations, dim, _prototypes, dim, distances, cells);
        var prototypeNorms = PrototypeNorms();
        for (int b = 0; b < batchSize; b++)
        {
            var row = distances.Slice(b * cells, cells);
            float activationNorm = TensorPrimitives.SumOfSquares(activations.Slice(b * dim, dim));
            TensorPrimitives.MultiplyAdd(row, -2f, prototypeNorms, row);
            TensorPrimitives.Add(row, activationNorm, row);
            TensorPrimitives.Max(row, 0f, row); // rounding can dip just below zero
        }
    }

    /// <summary>Each row's overall winner from a [batch × CellCount] distance matrix (first minimum in scan order).</summary>
    public void FindBestMatches(ReadOnlySpan<float> squaredDistances, Span<int> winners)
    {
        CheckDistanceMatrix(squaredDistances, winners.Length);
        for (int b = 0; b < winners.Length; b++) winners[b] = BestCellOf(squaredDistances.Slice(b * CellCount, CellCount));
    }

    /// <summary>Each row's class-specific winner from a [batch × CellCount] distance matrix, for the row's class label
    /// (1..ClassCount); the same rules as <see cref="FindClassWinner"/>, −1 where no cell carries the label.</summary>
    public void FindClassWinners(ReadOnlySpan<float> squaredDistances, ReadOnlySpan<int> classLabels, Span<int> winners)
    {
        CheckDistanceMatrix(squaredDistances, winners.Length);
        if (classLabels.Length != winners.Length) throw new ArgumentException($"Expected {winners.Length} class labels, got {classLabels.Length}.", nameof(classLabels));
        for (int b = 0; b < winners.Length; b++) winners[b] = ClassWinnerOf(squaredDistances.Slice(b * CellCount, CellCount), classLabels[b]);
    }

    /// <summary>The batch form of <see cref="Update"/>: every prototype moves by the mean of the per-row online
    /// steps, all computed against the prototypes as they were before the call:
    /// p ← p + (1/B) Σ_b h_b · (a_b − p), with h_b = learningRate / 2^k inside the row's neighbourhood and 0 outside
    /// or where the row's winner lies within <see cref="UpdateSkipDistance"/>. Only the cells inside some row's
    /// window are touched: B·(2r+1)² vector steps instead of a dense B × CellCount product.</summary>
    internal void UpdateBatch(ReadOnlySpan<float> activations, int batchSize, ReadOnlySpan<int> winners,
        ReadOnlySpan<float> winnerSquaredDistances, float learningRate, int radius)
    {
        CheckBatch(activations, batchSize);
        if (winners.Length != batchSize || winnerSquaredDistances.Length != batchSize)
            throw new ArgumentException($"Expected {batchSize} winners and distances, got {winners.Length} and {winnerSquaredDistances.Length}.");
        int cells = CellCount, dim = Dimension;
        var scratch = Scratch(cells * dim + cells);
        var pulled = scratch[..(cells * dim)];              // Σ_b h_b · a_b per cell, valid where weightSums > 0
        var weightSums = scratch.Slice(cells * dim, cells); // Σ_b h_b per cell
        weightSums.Clear();
        for (int b = 0; b < batchSize; b++)
        {
            CheckCell(winners[b]);
            if (winnerSquaredDistances[b] <= UpdateSkipDistance) continue;
            var activation = activations.Slice(b * dim, dim);
            var (row, column) = (winners[b] / GridSize, winners[b] % GridSize);
            for (int r = Math.Max(0, row - radius); r <= Math.Min(GridSize - 1, row + radius); r++)
                for (int c = Math.Max(0, column - radius); c <= Math.Min(GridSize - 1, column + radius); c++)
                {
                    int k = SomNeighbourhood.Distance(Distance, r - row, c - column);
                    if (k > radius) continue;
                    int cell = r * GridSize + c;
                    float h = SomNeighbourhood.Rate(learningRate, k) / batchSize;
                    var target = pulled.Slice(cell * dim, dim);
                    if (weightSums[cell] == 0f) TensorPrimitives.Multiply(activation, h, target);
                    else TensorPrimitives.MultiplyAdd(activation, h, target, target);
                    weightSums[cell] += h;
                }
        }
        _prototypeNorms = null;
        for (int cell = 0; cell < cells; cell++)
        {
            if (weightSums[cell] == 0f) continue;
            var p = _prototypes.AsSpan(cell * dim, dim);
            // p ← (1 − Σh)·p + Σ_b h_b a_b
            TensorPrimitives.MultiplyAdd(p, 1f - weightSums[cell], pulled.Slice(cell * dim, dim), p);
        }
    }

    private float[] PrototypeNorms()
    {
        if (_prototypeNorms is { } norms) return norms;
        norms = new float[CellCount];
        for (int cell = 0; cell < norms.Length; cell++)
            norms[cell] = TensorPrimitives.SumOfSquares<float>(_prototypes.AsSpan(cell * Dimension, Dimension));
        return _prototypeNorms = norms;
    }
}
