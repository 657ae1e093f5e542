namespace Microsoft.ML.Reports;

/// <summary>The rectangle inside a chart's margins where data is drawn.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;
}
