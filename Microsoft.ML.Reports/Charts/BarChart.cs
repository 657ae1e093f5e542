namespace Microsoft.ML.Reports;

/// <summary>
/// Grouped bars: one group per category (e.g. layer), one bar per series (e.g. "after task 2").
/// Bars grow from zero, so negative values point down.
/// </summary>
public sealed class BarChart : Chart
{
    private readonly List<BarSeries> _series = [];

    public BarChart(string title, IReadOnlyList<string> categories, string yLabel) : base(title, "bar")
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = [.. categories];
        YLabel = yLabel ?? string.Empty;
    }

    public IReadOnlyList<string> Categories { get; }
    public string YLabel { get; }
    public IReadOnlyList<BarSeries> Series => _series;
    public double Width { get; init; } = 640;
    public double Height { get; init; } = 320;

    public BarChart Add(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Values.Count != Categories.Count)
            throw new ArgumentException(
                $"Bar series '{series.Name}' has {series.Values.Count} values but the chart has {Categories.Count} categories.", nameof(series));
        _series.Add(series);
        return this;
    }

    public BarChart Add(string name, IReadOnlyList<double> values) => Add(new BarSeries(name, values));

    public override bool HasData => _series.Any(s => s.Values.Any(double.IsFinite));

    private protected override (double Width, double Height) Size => (Width, Height);

    private protected override void Draw(SvgCanvas canvas)
    {
        const double Left = 64;
        int legendRows = ChartParts.LegendRows(Left, Width - 10, _series.Select(s => s.Name));
        var plot = new PlotArea(Left, ChartParts.PlotTop(legendRows), Width - 20, Height - 46);
        var (min, max) = ChartParts.FiniteRange(_series.SelectMany(s => s.Values));
        double[] ticks = AxisTicks.Nice(Math.Min(0, min), Math.Max(0, max), 6);
        var y = ChartParts.VerticalAxis(canvas, plot, ticks, YLabel);
        ChartParts.HorizontalAxisLine(canvas, plot, string.Empty);

        double groupWidth = plot.Width / Categories.Count;
        double barWidth = groupWidth * 0.8 / _series.Count;
        double zero = y.Map(0);
        for (int c = 0; c < Categories.Count; c++)
        {
            double groupLeft = plot.Left + (groupWidth * c) + (groupWidth * 0.1);
            canvas.Text(plot.Left + (groupWidth * (c + 0.5)), plot.Bottom + 16, Categories[c], "middle");
            for (int s = 0; s < _series.Count; s++)
            {
                double value = _series[s].Values[c];
                if (!double.IsFinite(value))
                    continue;
                double top = Math.Min(zero, y.Map(value));
                canvas.Rect(groupLeft + (barWidth * s), top, barWidth - 1, Math.Abs(y.Map(value) - zero), CategoricalPalette.Color(s),
                    mark: true, tooltip: $"{Categories[c]}, {_series[s].Name}: {Html.Number(value, "0.###")}");
            }
        }
        if (min < 0)
            canvas.Line(plot.Left, zero, plot.Right, zero, "#444", cssClass: "axis");
        ChartParts.Legend(canvas, plot.Left, ChartParts.LegendTop, Width - 10, _series.Select((s, i) => (s.Name, CategoricalPalette.Color(i))));
    }
}
