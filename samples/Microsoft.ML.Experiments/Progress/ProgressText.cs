using System.Globalization;

namespace Microsoft.ML.Experiments.Progress;

/// <summary>Formatting shared by the progress views and the summary.</summary>
public static class ProgressText
{
    public static string Percent(double done, double total) =>
        total > 0 ? (100 * done / total).ToString("0", CultureInfo.InvariantCulture) + "%" : "?%";

    /// <summary>", ETA 1m05s" from the elapsed time and the fraction done (a straight-line estimate), or "" before a second
    /// has passed (too early to extrapolate) or once all is done.</summary>
    public static string Eta(TimeSpan elapsed, double done, double total) =>
        done > 0 && total > done && elapsed >= TimeSpan.FromSeconds(1) ? $", ETA {Duration(elapsed * ((total - done) / done))}" : "";

    public static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s";
}
