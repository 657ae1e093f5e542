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

    /// <summary>Lays out swatches with names left to right from (x, y), wrapping at <paramref name="maxX"/>.</summary>
    public static void Legend(SvgCanvas canvas, double x, double y, double maxX, IEnumerable<(string Name, string Color)> items)
    {
        double cx = x;
        foreach (var (name, color) in items)
        {
            double itemWidth = 18 + (name.Length * 6.5) + 14;
            if (cx > x && cx + itemWidth > maxX)
            {
                cx = x;
                y += 16;
            }
            canvas.Rect(cx, y - 9, 12, 12, color);
            canvas.Text(cx + 17, y + 1, name);
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
