namespace Microsoft.ML.Reports;

/// <summary>
/// One named curve. Non-finite values (NaN, ±∞) are gaps: the line is broken there rather than drawn through them.
/// </summary>
public sealed class LineSeries
{
    /// <summary>A curve over epochs 1, 2, …, n.</summary>
    public LineSeries(string name, IReadOnlyList<double> y)
        : this(name, Enumerable.Range(1, (y ?? throw new ArgumentNullException(nameof(y))).Count).Select(i => (double)i).ToArray(), y)
    {
    }

    public LineSeries(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Series '{name}' has {x.Count} x values but {y.Count} y values.", nameof(y));
        X = [.. x];
        Y = [.. y];
    }

    public string Name { get; }
    public IReadOnlyList<double> X { get; }
    public IReadOnlyList<double> Y { get; }

    /// <summary>Draw dashed (e.g. validation curves next to solid training curves).</summary>
    public bool Dashed { get; init; }

    internal bool IsDrawable(int i) => double.IsFinite(X[i]) && double.IsFinite(Y[i]);
}
