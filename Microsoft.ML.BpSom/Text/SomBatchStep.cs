namespace Microsoft.ML.BpSom;

/// <summary>The SOM's part of one training batch (ALGORITHMS.md A.5 step 4 in batched form), on the detached hidden activations:
/// each row's overall winner and class winner from one SGEMM distance matrix (prototypes as they were before the batch),
/// the SOM error switch (class winner labelled with reliability ≥ threshold; labels are fixed during an epoch), the online
/// update around each row's winner in row order, and then the error rows 0.01·rel·(p − a) from the prototypes as they are
/// after the update, as the reference computes the error after its update. Buffers are reused from batch to batch.</summary>
internal sealed class SomBatchStep
{
    private float[] _distances = [];
    private int[] _winners = [], _classWinners = [], _labels = [];

    /// <summary>[rows, units]: row r's SOM error where <see cref="ErrorOn"/>[r], else zeros.</summary>
    public float[] Errors { get; private set; } = [];

    /// <summary>Whether row r's SOM error is switched on.</summary>
    public bool[] ErrorOn { get; private set; } = [];

    /// <summary>Rows of the last batch whose SOM error is on.</summary>
    public int UsedRows { get; private set; }

    /// <summary>Runs the step for <paramref name="rows"/> rows of <paramref name="activations"/> with 0-based
    /// <paramref name="classes"/>.</summary>
    public void Run(SelfOrganizingMap map, ReadOnlySpan<float> activations, ReadOnlySpan<int> classes, int rows,
        float learningRate, int radius, int reliabilityThreshold)
    {
        int cells = map.CellCount, units = map.Dimension;
        Ensure(rows, cells, units);
        var distances = _distances.AsSpan(0, rows * cells);
        var winners = _winners.AsSpan(0, rows);
        var classWinners = _classWinners.AsSpan(0, rows);
        var labels = _labels.AsSpan(0, rows);
        for (int r = 0; r < rows; r++) labels[r] = classes[r] + 1;
        map.ComputeSquaredDistances(activations, rows, distances);
        map.FindBestMatches(distances, winners);
        map.FindClassWinners(distances, labels, classWinners);
        var reliabilities = map.Reliabilities;
        UsedRows = 0;
        for (int r = 0; r < rows; r++)
        {
            ErrorOn[r] = classWinners[r] >= 0 && reliabilities[classWinners[r]] >= reliabilityThreshold;
            if (ErrorOn[r]) UsedRows++;
        }
        for (int r = 0; r < rows; r++)
            map.Update(activations.Slice(r * units, units), winners[r], distances[r * cells + winners[r]], learningRate, radius);
        for (int r = 0; r < rows; r++)
        {
            var error = Errors.AsSpan(r * units, units);
            if (ErrorOn[r]) map.ComputeError(activations.Slice(r * units, units), classWinners[r], error);
            else error.Clear();
        }
    }

    private void Ensure(int rows, int cells, int units)
    {
        if (_distances.Length < rows * cells) _distances = new float[rows * cells];
        if (_winners.Length < rows)
        {
            _winners = new int[rows];
            _classWinners = new int[rows];
            _labels = new int[rows];
        }
        if (Errors.Length != rows * units) Errors = new float[rows * units];
        if (ErrorOn.Length != rows) ErrorOn = new bool[rows];
    }
}
