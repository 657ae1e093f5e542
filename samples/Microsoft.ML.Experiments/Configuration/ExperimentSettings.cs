namespace Microsoft.ML.Experiments.Configuration;

/// <summary>What every verb takes: where results go, the seed and where the data is.</summary>
public abstract class ExperimentSettings
{
    /// <summary>The run's output folder; null for <c>runs/&lt;verb&gt;-&lt;timestamp&gt;</c>.</summary>
    public string? Output { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>The data folder (or a data root); null to search and, if need be, download (see DatasetLocator).</summary>
    public string? Data { get; set; }

    /// <summary>Applies settings that depend on others once flags and YAML are in (e.g. the seed into the trainer options).</summary>
    public abstract void Complete();

    /// <summary>The data folder given, checked to exist so that a typo is reported as such rather than as a missing file.</summary>
    protected string? ExistingDataFolder()
    {
        if (Data is not null && !Directory.Exists(Data))
            throw new UsageException($"--data: the data folder '{Data}' does not exist.");
        return Data;
    }
}
