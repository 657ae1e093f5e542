namespace Microsoft.ML.Reports;

/// <summary>Axis and legend drawing shared by the cartesian charts and the SOM map.</summary>
internal static class ChartParts
{
    /// <summary>Draws horizontal grid lines and labels for <paramref name="ticks"/> and the y axis title; returns the y scale.</summary>
    public static LinearScale VerticalAxis(SvgCanvas canvas, PlotArea plot, double[] ticks, string title)
    {
        var y = new LinearScale(ticks[0], ticks[^1], plot.Bottom, plot.Top);
        double step = ticks.Length > 1 ? ticks[1] - ticks[0] : 1;
        foreach (double tick in ticks)
        {
            double py = y.Map(tick);
            canvas.Line(plot.Left, py, plot.Right, py, "#e6e6e6", cssClass: "grid");
            canvas.Text(plot.Left - 6, py + 4, AxisTicks.Label(tick, step), "end");
        }
        canvas.Line(plot.Left, plot.Top, plot.Left, plot.Bottom, "#444", cssClass: "axis");
        canvas.Text(14, (plot.Top + plot.Bottom) / 2, title, "middle", "axis-title", rotate: -90);
        return y;
    }

    /// <summary>Draws the x axis line and its title below the plot.</summary>
    public static void HorizontalAxisLine(SvgCanvas canvas, PlotArea plot, string title)
    {
        canvas.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, "#444", cssClass: "axis");
        canvas.Text((plot.Left + plot.Right) / 2, plot.Bottom + 34, title, "middle", "axis-title");
    }

    /// <summary>Height of one legend row; the first row's baseline sits at <see cref="LegendTop"/>.</summary>
    public const double LegendRowHeight = 16;
    public const double LegendTop = 18;

    /// <summary>Top of the plot area of a chart whose legend spans <paramref name="legendRows"/> rows.</summary>
    public static double PlotTop(int legendRows) => 40 + (LegendRowHeight * Math.Max(0, legendRows - 1));

    /// <summary>Draws swatches with names left to right from (x, y), wrapping at <paramref name="maxX"/>.</summary>
    public static void Legend(SvgCanvas canvas, double x, double y, double maxX, IEnumerable<(string Name, string Color)> items)
    {
        foreach (var (itemX, itemY, name, color) in LegendLayout(x, y, maxX, items))
        {
            canvas.Rect(itemX, itemY - 9, 12, 12, color);
            canvas.Text(itemX + 17, itemY + 1, name);
        }
    }

    /// <summary>How many rows <see cref="Legend"/> will use for these names.</summary>
    public static int LegendRows(double x, double maxX, IEnumerable<string> names) =>
        LegendLayout(x, 0, maxX, names.Select(n => (n, string.Empty))).Select(p => p.Y).Distinct().Count();

    private static IEnumerable<(double X, double Y, string Name, string Color)> LegendLayout(
        double x, double y, double maxX, IEnumerable<(string Name, string Color)> items)
    {
        double cx = x;
        foreach (var (name, color) in items)
        {
            double itemWidth = 18 + (name.Length * 6.5) + 14;
            if (cx > x && cx + itemWidth > maxX)
            {
                cx = x;
                y += LegendRowHeight;
            }
            yield return (cx, y, name, color);
            cx += itemWidth;
        }
    }

    /// <summary>Smallest and largest finite value; (NaN, NaN) when there is none.</summary>
    public static (double Min, double Max) FiniteRange(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
                continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return double.IsFinite(min) ? (min, max) : (double.NaN, double.NaN);
    }
}
