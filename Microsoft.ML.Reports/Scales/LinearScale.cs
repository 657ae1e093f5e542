namespace Microsoft.ML.Reports;

/// <summary>Maps a data interval linearly onto a pixel interval (which may run backwards, as SVG y does).</summary>
internal readonly struct LinearScale(double domainStart, double domainEnd, double rangeStart, double rangeEnd)
{
    public double Map(double value)
    {
        double span = domainEnd - domainStart;
        double t = span == 0 ? 0.5 : (value - domainStart) / span;
        return rangeStart + t * (rangeEnd - rangeStart);
    }
}
