namespace Microsoft.ML.Data;

/// <summary>
/// The confusion matrix of a classifier: <see cref="Counts"/>[actual][predicted], with per-class precision
/// (diagonal over column sum) and recall (diagonal over row sum); a class never predicted or never seen gets 0.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly bool _isBinary;
    private string? _formatted;

    internal ConfusionMatrix(double[][] counts, IReadOnlyList<ReadOnlyMemory<char>> classNames, bool isBinary)
    {
        int n = counts.Length;
        if (classNames.Count != n)
            throw new ArgumentException($"{classNames.Count} class names for a {n}x{n} confusion matrix.", nameof(classNames));
        _isBinary = isBinary;
        Counts = counts.Select(row => (IReadOnlyList<double>)row.ToArray()).ToArray();
        PredictedClassesIndicators = classNames.ToArray();

        var precision = new double[n];
        var recall = new double[n];
        for (int c = 0; c < n; c++)
        {
            double rowSum = 0, columnSum = 0;
            for (int other = 0; other < n; other++)
            {
                rowSum += counts[c][other];
                columnSum += counts[other][c];
            }
            precision[c] = columnSum > 0 ? counts[c][c] / columnSum : 0;
            recall[c] = rowSum > 0 ? counts[c][c] / rowSum : 0;
        }
        PerClassPrecision = precision;
        PerClassRecall = recall;
    }

    /// <summary>Precision of each class: correct predictions of the class over all predictions of it.</summary>
    public IReadOnlyList<double> PerClassPrecision { get; }

    /// <summary>Recall of each class: correct predictions of the class over all rows whose label is it.</summary>
    public IReadOnlyList<double> PerClassRecall { get; }

    /// <summary>Counts[actual][predicted].</summary>
    public IReadOnlyList<IReadOnlyList<double>> Counts { get; }

    /// <summary>The class names shown in the table (slot names of the score column, or "0", "1", ...).</summary>
    public IReadOnlyList<ReadOnlyMemory<char>> PredictedClassesIndicators { get; }

    public int NumberOfClasses => Counts.Count;

    /// <summary>The count of rows whose label is class <paramref name="actualClassIndicatorIndex"/> and that were
    /// predicted as class <paramref name="predictedClassIndicatorIndex"/>.</summary>
    public double GetCountForClassPair(int predictedClassIndicatorIndex, int actualClassIndicatorIndex)
    {
        if ((uint)predictedClassIndicatorIndex >= (uint)NumberOfClasses)
            throw new ArgumentOutOfRangeException(nameof(predictedClassIndicatorIndex), $"Class index {predictedClassIndicatorIndex} is outside 0..{NumberOfClasses - 1}.");
        if ((uint)actualClassIndicatorIndex >= (uint)NumberOfClasses)
            throw new ArgumentOutOfRangeException(nameof(actualClassIndicatorIndex), $"Class index {actualClassIndicatorIndex} is outside 0..{NumberOfClasses - 1}.");
        return Counts[actualClassIndicatorIndex][predictedClassIndicatorIndex];
    }

    /// <summary>The table as ML.NET prints it (see <see cref="ConfusionTableFormatter"/>).</summary>
    public string GetFormattedConfusionTable() =>
        _formatted ??= ConfusionTableFormatter.Format(this, _isBinary);
}
