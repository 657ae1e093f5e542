namespace Microsoft.ML.Reports;

/// <summary>
/// Several curves on shared axes (training curves, baseline vs BP-SOM), with a legend and
/// labelled vertical event markers (e.g. pruning).
/// </summary>
public sealed class LineChart(string title, string xLabel, string yLabel) : Chart(title, "line")
{
    private readonly List<LineSeries> _series = [];
    private readonly List<ChartMarker> _markers = [];

    public string XLabel { get; } = xLabel ?? string.Empty;
    public string YLabel { get; } = yLabel ?? string.Empty;
    public IReadOnlyList<LineSeries> Series => _series;
    public IReadOnlyList<ChartMarker> Markers => _markers;

    /// <summary>Fixed y-axis bounds (e.g. 0 and 1 for accuracy); null means fit the data.</summary>
    public double? YMin { get; init; }
    public double? YMax { get; init; }
    public double Width { get; init; } = 640;
    public double Height { get; init; } = 340;

    public LineChart Add(LineSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series.Add(series);
        return this;
    }

    public LineChart Add(string name, IReadOnlyList<double> y) => Add(new LineSeries(name, y));

    public LineChart AddMarker(double x, string label)
    {
        if (!double.IsFinite(x))
            throw new ArgumentOutOfRangeException(nameof(x), x, $"Marker '{label}' needs a finite x position.");
        _markers.Add(new ChartMarker(x, label ?? string.Empty));
        return this;
    }

    public override bool HasData => _series.Any(s => Enumerable.Range(0, s.X.Count).Any(s.IsDrawable));

    private protected override (double Width, double Height) Size => (Width, Height);

    private protected override void Draw(SvgCanvas canvas)
    {
        const double Left = 64;
        int legendRows = ChartParts.LegendRows(Left, Width - 10, _series.Select(s => s.Name));
        var plot = new PlotArea(Left, ChartParts.PlotTop(legendRows), Width - 20, Height - 46);
        var points = _series.SelectMany(s => Enumerable.Range(0, s.X.Count).Where(s.IsDrawable).Select(i => (X: s.X[i], Y: s.Y[i]))).ToList();

        var (xMin, xMax) = ChartParts.FiniteRange(points.Select(p => p.X).Concat(_markers.Select(m => m.X)));
        bool wholeNumbers = points.All(p => p.X == Math.Floor(p.X)) && _markers.All(m => m.X == Math.Floor(m.X));
        double[] xTicks = AxisTicks.Nice(xMin, xMax, 8, wholeNumbers ? 1 : 0);
        var (yMin, yMax) = ChartParts.FiniteRange(points.Select(p => p.Y));
        double[] yTicks = AxisTicks.Nice(Math.Min(YMin ?? yMin, yMin), Math.Max(YMax ?? yMax, yMax), 6);

        var y = ChartParts.VerticalAxis(canvas, plot, yTicks, YLabel);
        var x = new LinearScale(xTicks[0], xTicks[^1], plot.Left, plot.Right);
        double xStep = xTicks.Length > 1 ? xTicks[1] - xTicks[0] : 1;
        foreach (double tick in xTicks)
        {
            canvas.Line(x.Map(tick), plot.Bottom, x.Map(tick), plot.Bottom + 4, "#444", cssClass: "axis");
            canvas.Text(x.Map(tick), plot.Bottom + 16, AxisTicks.Label(tick, xStep), "middle");
        }
        ChartParts.HorizontalAxisLine(canvas, plot, XLabel);

        for (int m = 0; m < _markers.Count; m++)
        {
            double px = x.Map(_markers[m].X);
            canvas.Line(px, plot.Top, px, plot.Bottom, "#c0392b", mark: true, dashed: true, cssClass: "event", tooltip: _markers[m].Label);
            canvas.Text(px + 3, plot.Top + 10 + (m % 3 * 12), _markers[m].Label, cssClass: "event-label"); // stagger close labels
        }

        for (int s = 0; s < _series.Count; s++)
            DrawSeries(canvas, _series[s], CategoricalPalette.Color(s), x, y);

        ChartParts.Legend(canvas, plot.Left, ChartParts.LegendTop, Width - 10, _series.Select((s, i) => (s.Name, CategoricalPalette.Color(i))));
    }

    // Each run of consecutive finite points becomes one polyline; a lone point becomes a dot.
    private static void DrawSeries(SvgCanvas canvas, LineSeries series, string color, LinearScale x, LinearScale y)
    {
        var run = new List<(double X, double Y)>();
        for (int i = 0; i <= series.X.Count; i++)
        {
            if (i < series.X.Count && series.IsDrawable(i))
            {
                run.Add((x.Map(series.X[i]), y.Map(series.Y[i])));
                continue;
            }
            if (run.Count == 1)
                canvas.Circle(run[0].X, run[0].Y, 3, color, mark: true, tooltip: series.Name);
            else if (run.Count > 1)
                canvas.Polyline(run, color, series.Dashed, series.Name);
            run.Clear();
        }
    }
}
