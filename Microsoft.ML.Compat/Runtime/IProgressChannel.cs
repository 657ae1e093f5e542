namespace Microsoft.ML.Runtime;

/// <summary>Names of the metrics and progress units a progress channel reports, e.g.
/// metrics {"loss"} and units {"epochs", "batches"}.</summary>
public sealed class ProgressHeader
{
    public ProgressHeader(string[] metricNames, string[] unitNames)
    {
        MetricNames = metricNames ?? Array.Empty<string>();
        UnitNames = unitNames ?? Array.Empty<string>();
    }

    /// <summary>A header with only progress units.</summary>
    public ProgressHeader(params string[] unitNames) : this(Array.Empty<string>(), unitNames) { }

    public IReadOnlyList<string> MetricNames { get; }
    public IReadOnlyList<string> UnitNames { get; }
}

/// <summary>Filled by the component when progress is reported.</summary>
public interface IProgressEntry
{
    /// <summary>Progress in unit <paramref name="index"/> (e.g. epoch 3).</summary>
    void SetProgress(int index, double value);

    /// <summary>Progress in unit <paramref name="index"/> out of <paramref name="limit"/> (e.g. epoch 3 of 10).</summary>
    void SetProgress(int index, double value, double limit);

    void SetMetric(int index, double value);
}

/// <summary>
/// Reports progress of long work. Unlike ML.NET's local environment, every checkpoint is surfaced as an
/// Info message on <see cref="MLContext.Log"/> (e.g. "epoch: 3/10, batch: 120/500; loss=0.4123, elapsed 00:01:02, ETA 00:02:05").
/// </summary>
public interface IProgressChannel : IDisposable
{
    /// <summary>Declares what is reported; <paramref name="fill"/> is called at each checkpoint to fill the current values.</summary>
    void SetHeader(ProgressHeader header, Action<IProgressEntry> fill);

    /// <summary>Reports now: calls the fill action, then applies <paramref name="values"/> as metrics (null entries are skipped).</summary>
    void Checkpoint(params double?[] values);
}
