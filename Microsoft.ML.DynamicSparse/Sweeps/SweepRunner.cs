using Microsoft.ML.Datasets;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// Runs a sweep's trials in parallel (at most <c>maxParallel</c>, by default the core count), persisting each trial's
/// history to <c>directory</c> as it goes; trials already finished there are read back instead of run again.
/// </summary>
public static class SweepRunner
{
    public static IReadOnlyList<TrialResult> Run(IReadOnlyList<SweepTrial> trials, LabeledSet train, LabeledSet? validation,
        string directory, int maxParallel = 0, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var results = new TrialResult[trials.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallel > 0 ? maxParallel : Environment.ProcessorCount,
            CancellationToken = cancellation,
        };
        int finished = 0;
        Parallel.For(0, trials.Count, parallel, i =>
        {
            var trial = trials[i];
            string path = TrialLog.PathOf(directory, trial);
            var history = TrialLog.ReadFinished(path);
            if (history is null)
            {
                using var log = TrialLog.Start(path);
                history = DynamicSparseTraining.Run(train, validation, trial.Options, trial.Seed, log, cancellation).History;
                log.Complete();
            }
            results[i] = new TrialResult(trial.Settings, trial.Seed, history);
            progress?.Report($"trial {Interlocked.Increment(ref finished)}/{trials.Count} done: {trial.Id}");
        });
        return results;
    }
}
