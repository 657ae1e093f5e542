using Microsoft.ML.Neural.Kernels;

namespace Microsoft.ML.BpSom;

/// <summary>The batched operations of the map, for callers that hold a whole mini-batch of activations
/// (the BP-SOM text classifier, benchmarks): fused GEMM distances with per-row winners, and the mean update.</summary>
/// <remarks>The prototypes live packed in a <see cref="NearestRowSearch"/> with their squared norms. Every
/// prototype change resets <c>_prototypeNorms</c> to null (in this file and the online update), which marks
/// the packed copy stale; the next batched search reloads it and points <c>_prototypeNorms</c> at its norms.</remarks>
public sealed partial class SelfOrganizingMap
{
    private NearestRowSearch? _search;
    private float[] _searchNorms = [];
    private readonly SomPullList _pulls = new();

    /// <summary>Squared distances from each of <paramref name="batchSize"/> activation rows (row-major, Dimension wide)
    /// to every cell, into <paramref name="distances"/> [batchSize × CellCount], as ‖a‖² − 2·a·p + ‖p‖² (one fused
    /// SGEMM pass, clamped at 0). Rounding can make this differ from the direct sum in the last bits, so near-exact
    /// ties may resolve differently than in <see cref="FindBestMatch"/>.</summary>
    public void ComputeSquaredDistances(ReadOnlySpan<float> activations, int batchSize, Span<float> distances) =>
        ComputeSquaredDistances(activations, batchSize, distances, []);

    /// <summary><see cref="ComputeSquaredDistances(ReadOnlySpan{float}, int, Span{float})"/> that also finds each row's
    /// overall winner in the same pass, exactly as <see cref="FindBestMatches"/> would from the distances.</summary>
    public void ComputeSquaredDistances(ReadOnlySpan<float> activations, int batchSize, Span<float> distances, Span<int> winners)
    {
        CheckBatch(activations, batchSize);
        if (distances.Length != batchSize * CellCount)
            throw new ArgumentException($"The distance buffer needs {batchSize * CellCount} values, got {distances.Length}.", nameof(distances));
        if (!winners.IsEmpty && winners.Length != batchSize)
            throw new ArgumentException($"Expected {batchSize} winner slots, got {winners.Length}.", nameof(winners));
        Search().SquaredDistances(activations, batchSize, distances, winners);
    }

    /// <summary>Each row's overall winner from a [batch × CellCount] distance matrix (first minimum in scan order).</summary>
    public void FindBestMatches(ReadOnlySpan<float> squaredDistances, Span<int> winners)
    {
        CheckDistanceMatrix(squaredDistances, winners.Length);
        for (int b = 0; b < winners.Length; b++) winners[b] = NearestRowSearch.IndexOfFirstMinimum(squaredDistances.Slice(b * CellCount, CellCount));
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
    /// p ← (1 − Σ_b h_b)·p + Σ_b h_b·a_b, with h_b = learningRate / 2^k / B inside the row's neighbourhood and 0 outside
    /// or where the row's winner lies within <see cref="UpdateSkipDistance"/>. The pulls are grouped by cell, so each
    /// touched prototype is visited once (<see cref="SomPullList"/>).</summary>
    internal void UpdateBatch(ReadOnlySpan<float> activations, int batchSize, ReadOnlySpan<int> winners,
        ReadOnlySpan<float> winnerSquaredDistances, float learningRate, int radius)
    {
        CheckBatch(activations, batchSize);
        if (winners.Length != batchSize || winnerSquaredDistances.Length != batchSize)
            throw new ArgumentException($"Expected {batchSize} winners and distances, got {winners.Length} and {winnerSquaredDistances.Length}.");
        foreach (int winner in winners) CheckCell(winner);
        int side = 2 * Math.Clamp(radius, 0, GridSize) + 1;   // a row pulls at most the cells of its window
        _pulls.Reset(batchSize * Math.Min(side * side, CellCount), CellCount);
        for (int b = 0; b < batchSize; b++)
        {
            if (winnerSquaredDistances[b] <= UpdateSkipDistance) continue;
            var (row, column) = (winners[b] / GridSize, winners[b] % GridSize);
            for (int r = Math.Max(0, row - radius); r <= Math.Min(GridSize - 1, row + radius); r++)
                for (int c = Math.Max(0, column - radius); c <= Math.Min(GridSize - 1, column + radius); c++)
                {
                    int k = SomNeighbourhood.Distance(Distance, r - row, c - column);
                    if (k <= radius) _pulls.Add(r * GridSize + c, b, SomNeighbourhood.Rate(learningRate, k) / batchSize);
                }
        }
        if (_pulls.Count == 0) return;
        _pulls.GroupByCell();
        _pulls.Apply(activations, _prototypes, Dimension);
        _prototypeNorms = null;
    }

    /// <summary>The packed prototypes, reloaded when a prototype change has reset <c>_prototypeNorms</c>.</summary>
    private NearestRowSearch Search()
    {
        if (_search is null || _search.Dimension != Dimension)
        {
            _search = new NearestRowSearch(CellCount, Dimension);
            _searchNorms = new float[CellCount];
            _prototypeNorms = null;
        }
        if (_prototypeNorms is null)
        {
            _search.Load(_prototypes);
            _search.SquaredNorms.CopyTo(_searchNorms);
            _prototypeNorms = _searchNorms;
        }
        return _search;
    }
}
