using System.Globalization;
using System.Text;

namespace Microsoft.ML.DynamicSparse;

/// <summary>The result tables of the reference analysis: per-trial summaries, means ± standard deviations
/// (sample std, n − 1) of a statistic grouped by options, and pivots of those over two options.</summary>
public static class SweepTables
{
    public static IReadOnlyList<TrialSummary> Summarize(IEnumerable<TrialResult> trials, SweepMetric metric) =>
        trials.Select(t => TrialSummary.Of(t, metric)).ToArray();

    /// <summary>Mean and std of <paramref name="statistic"/> over the trials sharing the values of <paramref name="options"/>.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Values, int Count, double Mean, double Std)> Group(
        IEnumerable<TrialSummary> summaries, Func<TrialSummary, double> statistic, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        return summaries
            .GroupBy(s => string.Join("\u0001", options.Select(o => Setting(s, o))))
            .Select(g =>
            {
                var values = g.Select(statistic).ToArray();
                var (mean, std) = MeanStd(values);
                return ((IReadOnlyList<string>)options.Select(o => Setting(g.First(), o)).ToArray(), values.Length, mean, std);
            })
            .ToArray();
    }

    /// <summary>A text table: rows are the values of <paramref name="rowOption"/>, columns those of
    /// <paramref name="columnOption"/>, cells "mean ± std" of <paramref name="statistic"/> over the matching trials.</summary>
    public static string Pivot(IEnumerable<TrialSummary> summaries, Func<TrialSummary, double> statistic, string rowOption, string columnOption)
    {
        var list = summaries.ToArray();
        var groups = Group(list, statistic, rowOption, columnOption).ToDictionary(g => (g.Values[0], g.Values[1]));
        var rows = list.Select(s => Setting(s, rowOption)).Distinct().ToArray();
        var columns = list.Select(s => Setting(s, columnOption)).Distinct().ToArray();
        var table = new List<string[]> { new[] { $"{rowOption} \\ {columnOption}" }.Concat(columns).ToArray() };
        foreach (var row in rows)
            table.Add(new[] { row }.Concat(columns.Select(c => groups.TryGetValue((row, c), out var g) ? MeanStdText(g.Mean, g.Std) : "")).ToArray());
        return Render(table);
    }

    /// <summary>A text table of every trial: settings, seed, max, min, median, last and epoch of max.</summary>
    public static string Trials(IEnumerable<TrialSummary> summaries)
    {
        var list = summaries.ToArray();
        var names = list.SelectMany(s => s.Settings.Keys).Distinct().ToArray();
        var table = new List<string[]> { names.Concat(["seed", "max", "min", "median", "last", "epoch of max"]).ToArray() };
        foreach (var s in list)
            table.Add(names.Select(n => Setting(s, n)).Concat([s.Seed.ToString(CultureInfo.InvariantCulture), F(s.Max), F(s.Min),
                F(s.Median), F(s.Last), s.EpochOfMax.ToString(CultureInfo.InvariantCulture)]).ToArray());
        return Render(table);
    }

    internal static (double Mean, double Std) MeanStd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return (mean, std);
    }

    private static string MeanStdText(double mean, double std) => $"{F(mean)} ± {F(std)}";

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Setting(TrialSummary summary, string option) =>
        summary.Settings.TryGetValue(option, out var value) ? value
            : throw new ArgumentException($"The sweep did not vary the option '{option}'.", nameof(option));

    private static string Render(List<string[]> table)
    {
        var widths = Enumerable.Range(0, table[0].Length).Select(c => table.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in table)
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return text.ToString();
    }
}
