using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Microsoft.ML.Runtime;

/// <summary>
/// Formats each checkpoint as one Info message on <see cref="MLContext.Log"/>, with elapsed time and an ETA
/// estimated from the progress units that have limits (outer unit first, e.g. epochs then batches).
/// </summary>
internal sealed class ProgressChannel : IProgressChannel
{
    private readonly MLContext _context;
    private readonly string _source;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ProgressHeader _header = new(Array.Empty<string>(), Array.Empty<string>());
    private Action<IProgressEntry>? _fill;

    public ProgressChannel(MLContext context, string source)
    {
        _context = context;
        _source = source;
    }

    public void SetHeader(ProgressHeader header, Action<IProgressEntry> fill)
    {
        _header = header ?? throw new ArgumentNullException(nameof(header));
        _fill = fill;
    }

    public void Checkpoint(params double?[] values)
    {
        var entry = new Entry(_header);
        _fill?.Invoke(entry);
        for (int i = 0; i < values.Length && i < entry.Metrics.Length; i++)
        {
            if (values[i] is double v)
                entry.Metrics[i] = v;
        }
        _context.WriteLog(ChannelMessageKind.Info, _source, Format(entry, _clock.Elapsed));
    }

    internal string Format(Entry entry, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        for (int i = 0; i < _header.UnitNames.Count; i++)
        {
            if (entry.Progress[i] is not double value)
                continue;
            text.Append(text.Length == 0 ? "" : ", ").Append(_header.UnitNames[i]).Append(": ").Append(Number(value));
            if (entry.Limits[i] is double limit)
                text.Append('/').Append(Number(limit));
        }
        var metrics = new List<string>();
        for (int i = 0; i < _header.MetricNames.Count; i++)
        {
            if (entry.Metrics[i] is double value)
                metrics.Add($"{_header.MetricNames[i]}={value.ToString("G5", CultureInfo.InvariantCulture)}");
        }
        if (metrics.Count > 0)
            text.Append(text.Length == 0 ? "" : "; ").Append(string.Join(", ", metrics));
        text.Append(text.Length == 0 ? "" : "; ").Append("elapsed ").Append(elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        double fraction = entry.FractionDone();
        if (fraction > 0 && fraction < 1)
        {
            var eta = TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction);
            text.Append(", ETA ").Append(eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public void Dispose() { }

    /// <summary>The values of one checkpoint.</summary>
    internal sealed class Entry : IProgressEntry
    {
        public Entry(ProgressHeader header)
        {
            Progress = new double?[header.UnitNames.Count];
            Limits = new double?[header.UnitNames.Count];
            Metrics = new double?[header.MetricNames.Count];
        }

        public double?[] Progress { get; }
        public double?[] Limits { get; }
        public double?[] Metrics { get; }

        public void SetProgress(int index, double value) => Progress[index] = value;

        public void SetProgress(int index, double value, double limit)
        {
            Progress[index] = value;
            Limits[index] = limit;
        }

        public void SetMetric(int index, double value) => Metrics[index] = value;

        /// <summary>Completed fraction: units are nested (each inner unit subdivides one step of the outer one),
        /// so fraction = (v0 + (v1 + ...) / l1) / l0 over the leading units that have limits.</summary>
        public double FractionDone()
        {
            int depth = 0;
            while (depth < Progress.Length && Progress[depth] is not null && Limits[depth] is > 0)
                depth++;
            double fraction = 0;
            for (int i = depth - 1; i >= 0; i--)
                fraction = (Progress[i]!.Value + fraction) / Limits[i]!.Value;
            return fraction;
        }
    }
}
