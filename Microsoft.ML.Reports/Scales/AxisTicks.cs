using System.Globalization;

namespace Microsoft.ML.Reports;

/// <summary>"Nice" axis ticks: steps of 1, 2 or 5 times a power of ten that cover a data range.</summary>
public static class AxisTicks
{
    /// <summary>
    /// Returns ascending tick values whose first and last ticks enclose [<paramref name="min"/>, <paramref name="max"/>],
    /// using about <paramref name="targetCount"/> ticks. An empty range (min == max) is widened so a flat series still gets an axis.
    /// <paramref name="minimumStep"/> keeps e.g. epoch axes on whole numbers.
    /// </summary>
    public static double[] Nice(double min, double max, int targetCount = 6, double minimumStep = 0)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException($"Axis range must be finite, got [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
        if (min > max)
            throw new ArgumentException($"Axis minimum {min.ToString(CultureInfo.InvariantCulture)} is greater than maximum {max.ToString(CultureInfo.InvariantCulture)}.");
        if (targetCount < 2)
            throw new ArgumentOutOfRangeException(nameof(targetCount), targetCount, "An axis needs at least two ticks.");
        if (min == max)
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        double step = Math.Max(Step(min, max, targetCount), minimumStep);
        double first = Math.Floor(min / step) * step;
        double last = Math.Ceiling(max / step) * step;
        int count = (int)Math.Round((last - first) / step) + 1;
        int decimals = Decimals(step);
        var ticks = new double[count];
        for (int i = 0; i < count; i++)
            ticks[i] = Math.Round(first + i * step, decimals); // removes float drift such as 0.30000000000000004
        return ticks;
    }

    /// <summary>The distance between consecutive ticks chosen by <see cref="Nice"/>.</summary>
    public static double Step(double min, double max, int targetCount = 6)
    {
        double range = NiceNumber(max - min, round: false);
        return NiceNumber(range / (targetCount - 1), round: true);
    }

    /// <summary>Formats a tick label with just enough decimals for the step (0.2 → one decimal, 5 → none).</summary>
    public static string Label(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-6)
            value = 0; // a tick computed as -0.0000001 must read "0", not "-0.0"
        return value.ToString("F" + Decimals(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static int Decimals(double step) => Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));

    // Heckbert's "nice numbers": rounds x to 1, 2, 5 or 10 times a power of ten.
    private static double NiceNumber(double x, bool round)
    {
        double exponent = Math.Floor(Math.Log10(x));
        double power = Math.Pow(10, exponent);
        double fraction = x / power;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
