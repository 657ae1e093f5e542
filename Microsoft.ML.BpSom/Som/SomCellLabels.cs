namespace Microsoft.ML.BpSom;

/// <summary>Per-cell class counts, labels and reliabilities from the labelling pass (ALGORITHMS.md A.8).
/// Class labels are 1..ClassCount (the same numbering as ML.NET key values); 0 means "unlabelled".</summary>
internal sealed class SomCellLabels
{
    private readonly int[] _counts;        // [cell × classCount], class c at column c − 1
    private readonly int[] _labels;
    private readonly int[] _reliabilities; // integer percent

    public SomCellLabels(int cellCount, int classCount)
    {
        CellCount = cellCount;
        ClassCount = classCount;
        _counts = new int[cellCount * classCount];
        _labels = new int[cellCount];
        _reliabilities = new int[cellCount];
    }

    public int CellCount { get; }
    public int ClassCount { get; }
    public ReadOnlySpan<int> Labels => _labels;
    public ReadOnlySpan<int> Reliabilities => _reliabilities;

    public int Count(int cell, int classLabel)
    {
        CheckClass(classLabel);
        return _counts[cell * ClassCount + classLabel - 1];
    }

    /// <summary>Starts a labelling pass: every count, label and reliability goes back to 0.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_labels);
        Array.Clear(_reliabilities);
    }

    /// <summary>Counts one example of <paramref name="classLabel"/> whose overall winner is <paramref name="cell"/>.</summary>
    public void Add(int cell, int classLabel)
    {
        CheckClass(classLabel);
        _counts[cell * ClassCount + classLabel - 1]++;
    }

    /// <summary>Ends a labelling pass: label = the most counted class (lowest class on ties),
    /// reliability = floor(100 · max / total); empty cells stay unlabelled with reliability 0.</summary>
    public void Finish()
    {
        for (int cell = 0; cell < CellCount; cell++)
        {
            var counts = _counts.AsSpan(cell * ClassCount, ClassCount);
            int total = 0, best = 0;
            for (int c = 0; c < counts.Length; c++)
            {
                total += counts[c];
                if (counts[c] > counts[best]) best = c;
            }
            _labels[cell] = total > 0 ? best + 1 : 0;
            _reliabilities[cell] = total > 0 ? (int)(100L * counts[best] / total) : 0;
        }
    }

    /// <summary>Restores a saved state (counts, labels, reliabilities) without recomputing it.</summary>
    public void Restore(ReadOnlySpan<int> counts, ReadOnlySpan<int> labels, ReadOnlySpan<int> reliabilities)
    {
        if (counts.Length != _counts.Length || labels.Length != CellCount || reliabilities.Length != CellCount)
            throw new ArgumentException(
                $"A {CellCount}-cell map with {ClassCount} classes needs {_counts.Length} counts and {CellCount} labels and reliabilities; " +
                $"got {counts.Length}, {labels.Length} and {reliabilities.Length}.");
        counts.CopyTo(_counts);
        labels.CopyTo(_labels);
        reliabilities.CopyTo(_reliabilities);
    }

    public ReadOnlySpan<int> AllCounts => _counts;

    public SomCellLabels Clone()
    {
        var copy = new SomCellLabels(CellCount, ClassCount);
        copy.Restore(_counts, _labels, _reliabilities);
        return copy;
    }

    private void CheckClass(int classLabel)
    {
        if (classLabel < 1 || classLabel > ClassCount)
            throw new ArgumentOutOfRangeException(nameof(classLabel), classLabel, $"Class labels run from 1 to {ClassCount}.");
    }
}
