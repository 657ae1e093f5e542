using Microsoft.ML.BpSom.Numerics;

namespace Microsoft.ML.BpSom;

/// <summary>A square D×D self-organizing map over the activations of one hidden layer (ALGORITHMS.md A.2, A.6-A.8).
/// Cells are numbered in the reference's scan order: cell = row · D + column, rows outer, columns inner
/// (the reference's x = row + 1, y = column + 1). Prototypes are stored cell after cell.
/// The public surface is read-only; training code in this assembly moves prototypes and relabels cells.
/// Instances keep scratch buffers for the batched operations and are not thread-safe.</summary>
public sealed partial class SelfOrganizingMap
{
    /// <summary>A winner found closer than this (squared distance) leaves the map unchanged (the reference's DONOTHING).</summary>
    public const float UpdateSkipDistance = 1e-4f;

    private float[] _prototypes;
    private readonly SomCellLabels _cellLabels;
    private float[] _scratch = [];
    private float[]? _prototypeNorms;   // ‖p‖² per cell for the batched search; null after any prototype change

    internal SelfOrganizingMap(int gridSize, int dimension, int classCount, GridDistance distance, float[] prototypes, SomCellLabels cellLabels)
    {
        if (gridSize < 1) throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, "A SOM grid needs at least 1×1 cells.");
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A SOM prototype needs at least 1 component.");
        if (prototypes.Length != gridSize * gridSize * dimension)
            throw new ArgumentException($"A {gridSize}×{gridSize} map of dimension {dimension} needs {gridSize * gridSize * dimension} prototype values, got {prototypes.Length}.", nameof(prototypes));
        if (cellLabels.CellCount != gridSize * gridSize || cellLabels.ClassCount != classCount)
            throw new ArgumentException("The cell labels do not match the grid and class count.", nameof(cellLabels));
        GridSize = gridSize;
        Dimension = dimension;
        ClassCount = classCount;
        Distance = distance;
        _prototypes = prototypes;
        _cellLabels = cellLabels;
    }

    /// <summary>A map whose prototype components are drawn uniformly on [low, high) (reference: [−0.5, 1.5)), every cell unlabelled.</summary>
    internal static SelfOrganizingMap CreateRandom(int gridSize, int dimension, int classCount, GridDistance distance, Random random,
        float low = -0.5f, float high = 1.5f)
    {
        var prototypes = new float[gridSize * gridSize * dimension];
        for (int i = 0; i < prototypes.Length; i++) prototypes[i] = low + (high - low) * random.NextSingle();
        return new SelfOrganizingMap(gridSize, dimension, classCount, distance, prototypes, new SomCellLabels(gridSize * gridSize, classCount));
    }

    /// <summary>D, the number of cells along each side.</summary>
    public int GridSize { get; }

    /// <summary>D², the number of cells.</summary>
    public int CellCount => GridSize * GridSize;

    /// <summary>The number of prototype components: the current size of the hidden layer (it shrinks when units are pruned).</summary>
    public int Dimension { get; private set; }

    /// <summary>The number of classes; cell labels run 1..ClassCount, 0 meaning unlabelled.</summary>
    public int ClassCount { get; }

    /// <summary>The grid distance that shapes the update neighbourhood.</summary>
    public GridDistance Distance { get; }

    /// <summary>Each cell's label from the last labelling pass: 1..ClassCount, or 0 for a cell no example reached.</summary>
    public ReadOnlySpan<int> Labels => _cellLabels.Labels;

    /// <summary>Each cell's reliability from the last labelling pass: floor(100 · majority count / total), 0 for an empty cell.</summary>
    public ReadOnlySpan<int> Reliabilities => _cellLabels.Reliabilities;

    internal SomCellLabels CellLabels => _cellLabels;
    /// <summary>The prototypes, cell after cell; read-only (writing would bypass the cached norms).</summary>
    internal float[] PrototypeValues => _prototypes;

    public int CellIndex(int row, int column)
    {
        if ((uint)row >= (uint)GridSize || (uint)column >= (uint)GridSize)
            throw new ArgumentOutOfRangeException(row < 0 || row >= GridSize ? nameof(row) : nameof(column), $"({row}, {column}) lies outside the {GridSize}×{GridSize} grid.");
        return row * GridSize + column;
    }

    public (int Row, int Column) CellPosition(int cell)
    {
        CheckCell(cell);
        return (cell / GridSize, cell % GridSize);
    }

    public ReadOnlySpan<float> GetPrototype(int cell)
    {
        CheckCell(cell);
        return _prototypes.AsSpan(cell * Dimension, Dimension);
    }

    /// <summary>How many examples of <paramref name="classLabel"/> (1..ClassCount) the last labelling pass counted in <paramref name="cell"/>.</summary>
    public int GetClassCount(int cell, int classLabel)
    {
        CheckCell(cell);
        return _cellLabels.Count(cell, classLabel);
    }

    /// <summary>The overall winner: the cell nearest <paramref name="activation"/> by squared Euclidean distance.
    /// Only a strictly smaller distance replaces the current best, so the first cell in scan order wins ties.</summary>
    public int FindBestMatch(ReadOnlySpan<float> activation, out float squaredDistance)
    {
        var distances = Scratch(CellCount);
        ComputeSquaredDistances(activation, distances);
        int winner = BestCellOf(distances);
        squaredDistance = distances[winner];
        return winner;
    }

    /// <summary>The class-specific (partial) winner: the nearest cell labelled <paramref name="classLabel"/>.
    /// Ties go to the last equal cell in scan order (the reference compares with ≤); unlabelled cells never win.
    /// Returns −1 when no cell carries the label.</summary>
    public int FindClassWinner(ReadOnlySpan<float> activation, int classLabel, out float squaredDistance)
    {
        var distances = Scratch(CellCount);
        ComputeSquaredDistances(activation, distances);
        int winner = ClassWinnerOf(distances, classLabel);
        squaredDistance = winner >= 0 ? distances[winner] : float.PositiveInfinity;
        return winner;
    }

    /// <summary>The squared Euclidean distance from <paramref name="activation"/> to every cell's prototype, summed directly
    /// (no norm expansion), into <paramref name="distances"/> [CellCount]. One search serves both winners.</summary>
    public void ComputeSquaredDistances(ReadOnlySpan<float> activation, Span<float> distances)
    {
        CheckActivation(activation);
        if (distances.Length != CellCount)
            throw new ArgumentException($"The distance buffer needs {CellCount} values, got {distances.Length}.", nameof(distances));
        VectorKernels.SquaredDistances(activation, _prototypes, distances);
    }

    /// <summary>The overall winner among one activation's distances to every cell: the first minimum in scan order.</summary>
    public int BestCellOf(ReadOnlySpan<float> squaredDistances)
    {
        CheckDistanceMatrix(squaredDistances, 1);
        int best = 0;
        for (int cell = 1; cell < squaredDistances.Length; cell++)
            if (squaredDistances[cell] < squaredDistances[best]) best = cell;
        return best;
    }

    /// <summary>The class winner among one activation's distances to every cell: the last minimum in scan order among
    /// cells labelled <paramref name="classLabel"/> (1..ClassCount), or −1 when no cell carries that label.</summary>
    public int ClassWinnerOf(ReadOnlySpan<float> squaredDistances, int classLabel)
    {
        CheckDistanceMatrix(squaredDistances, 1);
        CheckClassLabel(classLabel);
        var labels = _cellLabels.Labels;
        int best = -1;
        float bestDistance = float.PositiveInfinity;
        for (int cell = 0; cell < squaredDistances.Length; cell++)
            if (labels[cell] == classLabel && squaredDistances[cell] <= bestDistance) { bestDistance = squaredDistances[cell]; best = cell; }
        return best;
    }

    /// <summary>The SOM error of <paramref name="activation"/> toward <paramref name="cell"/>'s prototype:
    /// 0.01 · reliability(cell) · (prototype − activation) (see <see cref="SomError"/>).</summary>
    public void ComputeError(ReadOnlySpan<float> activation, int cell, Span<float> error)
    {
        CheckActivation(activation);
        SomError.Compute(GetPrototype(cell), activation, Reliabilities[cell], error);
    }

    /// <summary>The U-matrix: for each cell, the mean Euclidean distance from its prototype to those of its
    /// up to 8 grid neighbours. High values mark borders between clusters.</summary>
    public float[] ComputeUMatrix()
    {
        var result = new float[CellCount];
        for (int cell = 0; cell < CellCount; cell++)
        {
            var (row, column) = (cell / GridSize, cell % GridSize);
            double sum = 0;
            int neighbours = 0;
            for (int r = Math.Max(0, row - 1); r <= Math.Min(GridSize - 1, row + 1); r++)
                for (int c = Math.Max(0, column - 1); c <= Math.Min(GridSize - 1, column + 1); c++)
                {
                    if (r == row && c == column) continue;
                    sum += Math.Sqrt(VectorKernels.SquaredDistance(GetPrototype(cell), GetPrototype(r * GridSize + c)));
                    neighbours++;
                }
            result[cell] = neighbours == 0 ? 0f : (float)(sum / neighbours);
        }
        return result;
    }

    /// <summary>A copy of the current labels, reliabilities and U-matrix (not the prototypes), for a per-epoch history:
    /// later labelling passes and updates leave it unchanged.</summary>
    public SomSnapshot Snapshot() => new(GridSize, ClassCount, Labels, Reliabilities, ComputeUMatrix());

    /// <summary>The online update around the overall winner (ALGORITHMS.md A.7): every cell at grid distance
    /// k ≤ <paramref name="radius"/> moves toward the activation by learningRate / 2^k. Nothing moves when
    /// the winner's squared distance is ≤ <see cref="UpdateSkipDistance"/>. Returns whether the map changed.</summary>
    internal bool Update(ReadOnlySpan<float> activation, int winner, float winnerSquaredDistance, float learningRate, int radius)
    {
        CheckActivation(activation);
        CheckCell(winner);
        if (winnerSquaredDistance <= UpdateSkipDistance) return false;
        _prototypeNorms = null;
        var (row, column) = (winner / GridSize, winner % GridSize);
        for (int r = Math.Max(0, row - radius); r <= Math.Min(GridSize - 1, row + radius); r++)
            for (int c = Math.Max(0, column - radius); c <= Math.Min(GridSize - 1, column + radius); c++)
            {
                int k = SomNeighbourhood.Distance(Distance, r - row, c - column);
                if (k > radius) continue;
                VectorKernels.MoveToward(_prototypes.AsSpan((r * GridSize + c) * Dimension, Dimension), activation,
                    SomNeighbourhood.Rate(learningRate, k));
            }
        return true;
    }

    /// <summary>Drops component <paramref name="unit"/> from every prototype (a pruned hidden unit). Labels and reliabilities stay.</summary>
    internal void RemoveComponent(int unit)
    {
        if ((uint)unit >= (uint)Dimension) throw new ArgumentOutOfRangeException(nameof(unit), unit, $"The map has {Dimension} components.");
        if (Dimension == 1) throw new InvalidOperationException("A SOM prototype cannot lose its last component.");
        int newDimension = Dimension - 1;
        var shrunk = new float[CellCount * newDimension];
        for (int cell = 0; cell < CellCount; cell++)
        {
            var source = _prototypes.AsSpan(cell * Dimension, Dimension);
            var target = shrunk.AsSpan(cell * newDimension, newDimension);
            source[..unit].CopyTo(target);
            source[(unit + 1)..].CopyTo(target[unit..]);
        }
        _prototypes = shrunk;
        _prototypeNorms = null;
        Dimension = newDimension;
    }

    internal SelfOrganizingMap Clone() =>
        new(GridSize, Dimension, ClassCount, Distance, (float[])_prototypes.Clone(), _cellLabels.Clone());

    private Span<float> Scratch(int length)
    {
        if (_scratch.Length < length) _scratch = new float[length];
        return _scratch.AsSpan(0, length);
    }

    private void CheckCell(int cell)
    {
        if ((uint)cell >= (uint)CellCount) throw new ArgumentOutOfRangeException(nameof(cell), cell, $"The map has {CellCount} cells.");
    }

    private void CheckClassLabel(int classLabel)
    {
        if (classLabel < 1 || classLabel > ClassCount)
            throw new ArgumentOutOfRangeException(nameof(classLabel), classLabel, $"Class labels run from 1 to {ClassCount}.");
    }

    private void CheckActivation(ReadOnlySpan<float> activation)
    {
        if (activation.Length != Dimension)
            throw new ArgumentException($"The map expects activations of length {Dimension}, got {activation.Length}.", nameof(activation));
    }

    private void CheckBatch(ReadOnlySpan<float> activations, int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch needs at least 1 row.");
        if (activations.Length != batchSize * Dimension)
            throw new ArgumentException($"{batchSize} rows of dimension {Dimension} need {batchSize * Dimension} values, got {activations.Length}.", nameof(activations));
    }

    private void CheckDistanceMatrix(ReadOnlySpan<float> squaredDistances, int batch)
    {
        if (squaredDistances.Length != batch * CellCount)
            throw new ArgumentException($"{batch} rows need a {batch}×{CellCount} distance matrix, got {squaredDistances.Length} values.", nameof(squaredDistances));
    }
}
