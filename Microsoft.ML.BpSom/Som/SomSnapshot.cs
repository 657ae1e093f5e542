namespace Microsoft.ML.BpSom;

/// <summary>A read-only copy of what a SOM looked like right after one labelling pass: its grid size, each cell's label and integer
/// reliability, and its U-matrix. The prototypes are left out on purpose: they are the bulk of a map (D² × hidden size values)
/// while labels, reliabilities and the U-matrix are D² values each, so a history can keep one snapshot per labelled epoch
/// (and a saved model can carry them) without growing much. Cells are numbered as in <see cref="SelfOrganizingMap"/>: row · D + column.
/// Two snapshots are equal when every value is, so epoch records holding them compare by content (e.g. before and after a save).</summary>
public sealed class SomSnapshot : IEquatable<SomSnapshot>
{
    private readonly int[] _labels;
    private readonly int[] _reliabilities;
    private readonly float[] _uMatrix;

    /// <summary>Copies the given values; <see cref="SelfOrganizingMap.Snapshot"/> builds one from a live map.</summary>
    /// <param name="gridSize">D, the cells along each side (at least 1).</param>
    /// <param name="classCount">K, the number of classes (at least 1); labels run 0..K.</param>
    /// <param name="labels">D² cell labels: 1..K, or 0 for a cell no example reached.</param>
    /// <param name="reliabilities">D² integer percentages in [0, 100].</param>
    /// <param name="uMatrix">D² finite, non-negative mean distances to the neighbouring prototypes.</param>
    public SomSnapshot(int gridSize, int classCount, ReadOnlySpan<int> labels, ReadOnlySpan<int> reliabilities, ReadOnlySpan<float> uMatrix)
    {
        if (gridSize < 1) throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, "A SOM grid needs at least 1×1 cells.");
        if (classCount < 1) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A SOM snapshot needs at least 1 class.");
        int cells = gridSize * gridSize;
        CheckLength(labels.Length, cells, nameof(labels));
        CheckLength(reliabilities.Length, cells, nameof(reliabilities));
        CheckLength(uMatrix.Length, cells, nameof(uMatrix));
        for (int cell = 0; cell < cells; cell++)
        {
            if ((uint)labels[cell] > (uint)classCount)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[cell], $"Cell {cell} has label {labels[cell]}; labels run from 0 (unlabelled) to {classCount}.");
            if ((uint)reliabilities[cell] > 100u)
                throw new ArgumentOutOfRangeException(nameof(reliabilities), reliabilities[cell], $"Cell {cell} has reliability {reliabilities[cell]}; reliabilities are percentages from 0 to 100.");
            if (!float.IsFinite(uMatrix[cell]) || uMatrix[cell] < 0f)
                throw new ArgumentOutOfRangeException(nameof(uMatrix), uMatrix[cell], $"Cell {cell} has U-matrix value {uMatrix[cell]}; distances are finite and non-negative.");
        }
        GridSize = gridSize;
        ClassCount = classCount;
        _labels = labels.ToArray();
        _reliabilities = reliabilities.ToArray();
        _uMatrix = uMatrix.ToArray();
    }

    /// <summary>D, the number of cells along each side.</summary>
    public int GridSize { get; }

    /// <summary>D², the number of cells.</summary>
    public int CellCount => GridSize * GridSize;

    /// <summary>The number of classes; labels run 1..ClassCount, 0 meaning unlabelled.</summary>
    public int ClassCount { get; }

    /// <summary>Each cell's label from the labelling pass: 1..ClassCount, or 0 for a cell no example reached.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Each cell's reliability from the labelling pass: floor(100 · majority count / total), 0 for an empty cell.</summary>
    public ReadOnlySpan<int> Reliabilities => _reliabilities;

    /// <summary>Each cell's mean Euclidean distance to its up to 8 neighbours' prototypes (<see cref="SelfOrganizingMap.ComputeUMatrix"/>).</summary>
    public ReadOnlySpan<float> UMatrix => _uMatrix;

    public bool Equals(SomSnapshot? other) =>
        other is not null && GridSize == other.GridSize && ClassCount == other.ClassCount && Labels.SequenceEqual(other.Labels)
        && Reliabilities.SequenceEqual(other.Reliabilities) && UMatrix.SequenceEqual(other.UMatrix);

    public override bool Equals(object? obj) => Equals(obj as SomSnapshot);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(GridSize);
        hash.Add(ClassCount);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Labels));
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Reliabilities));
        foreach (float value in UMatrix) hash.Add(value);   // float hashing equates 0 and −0, as == does
        return hash.ToHashCode();
    }

    private static void CheckLength(int length, int cells, string name)
    {
        if (length != cells) throw new ArgumentException($"A SOM snapshot of {cells} cells needs {cells} values, got {length}.", name);
    }
}
