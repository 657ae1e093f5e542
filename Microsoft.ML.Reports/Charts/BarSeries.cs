namespace Microsoft.ML.Reports;

/// <summary>One named group member of a bar chart: one value per category (NaN = no bar).</summary>
public sealed class BarSeries(string name, IReadOnlyList<double> values)
{
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));
    public IReadOnlyList<double> Values { get; } = [.. values ?? throw new ArgumentNullException(nameof(values))];
}
