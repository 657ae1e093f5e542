using Microsoft.ML.Experiments.Configuration;

namespace Microsoft.ML.Experiments.Verbs;

/// <summary>The settings every verb has: --output, --seed and --data (--config is read before all of them).</summary>
public static class CommonSettings
{
    public static IEnumerable<Setting> For<TSettings>() where TSettings : ExperimentSettings =>
    [
        Setting.Of<TSettings, ExperimentSettings>("--output", nameof(ExperimentSettings.Output),
            "Output folder of the run (default runs/<verb>-<UTC timestamp>).", s => s),
        Setting.Of<TSettings, ExperimentSettings>("--seed", nameof(ExperimentSettings.Seed),
            "Seed of every random choice (weights, shuffling, sampling).", s => s, "training.seed"),
        Setting.Of<TSettings, ExperimentSettings>("--data", nameof(ExperimentSettings.Data),
            "Data folder or data root (default: $MLNET_DATA_DIR, shared/data above the working folder, the cache, a download).",
            s => s),
    ];
}
