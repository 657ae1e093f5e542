namespace Microsoft.ML.SleepReplay;

/// <summary>
/// Sleep Replay Consolidation on an ANN (ALGORITHMS.md B.5-B.9): compute α from the sleep data,
/// run the spiking net for <see cref="SleepOptions.Iterations"/> steps, and leave the changed
/// weights in the network, which is then the consolidated ANN.
/// </summary>
public static class SleepPhase
{
    private const int ReportEvery = 250;

    /// <summary>
    /// Sleeps <paramref name="network"/> in place, driven by the rows of <paramref name="sleepData"/>
    /// (count×InputSize, values in [0,1]). The weights are written back only when the sleep
    /// completes; a cancelled sleep leaves the network as it was.
    /// </summary>
    /// <param name="checkpoints">
    /// Step counts, ascending and below <see cref="SleepOptions.Iterations"/>, after which <paramref name="atCheckpoint"/> is
    /// given a copy of the network slept that far and the result so far: the network a sleep of that many steps with the
    /// same options would leave, since the steps draw the same random numbers either way.
    /// </param>
    public static SleepResult Run(MlpNetwork network, ReadOnlySpan<float> sleepData, int count, SleepOptions options,
        IProgress<SleepProgress>? progress = null, CancellationToken cancellationToken = default,
        IReadOnlyList<int>? checkpoints = null, Action<MlpNetwork, SleepResult>? atCheckpoint = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(network.LayerCount);
        checkpoints ??= [];
        for (int i = 0; i < checkpoints.Count; i++)
            if (checkpoints[i] <= 0 || checkpoints[i] >= options.Iterations || (i > 0 && checkpoints[i] <= checkpoints[i - 1]))
                throw new ArgumentException(
                    $"Checkpoints [{string.Join(", ", checkpoints)}] must ascend strictly within 1..{options.Iterations - 1} (the sleep has {options.Iterations} steps).", nameof(checkpoints));
        if (checkpoints.Count > 0) ArgumentNullException.ThrowIfNull(atCheckpoint);
        var input = new SleepInput(sleepData, count, network.InputSize, options);
        var alpha = LayerScaling.Alpha(network, sleepData, count, options);
        var spiking = new SpikingNetwork(network, alpha, options);
        var rng = new Random(options.Seed);
        var inputSpikes = new int[network.InputSize];
        var totals = new long[network.LayerCount];
        long inputTotal = 0;
        int nextCheckpoint = 0;
        for (int t = 0; t < options.Iterations; t++)
        {
            if (nextCheckpoint < checkpoints.Count && t == checkpoints[nextCheckpoint])
            {
                var snapshot = network.Clone();
                spiking.CopyWeightsTo(snapshot);
                atCheckpoint!(snapshot, new SleepResult(alpha, (long[])totals.Clone(), inputTotal, t));
                nextCheckpoint++;
            }
            if (t % ReportEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new SleepProgress(t, options.Iterations));
            }
            int n = input.Next(rng, inputSpikes);
            inputTotal += n;
            spiking.Step(inputSpikes.AsSpan(0, n));
            for (int l = 0; l < totals.Length; l++) totals[l] += spiking.Spikes(l).Length;
        }
        spiking.CommitWeights();
        progress?.Report(new SleepProgress(options.Iterations, options.Iterations));
        return new SleepResult(alpha, totals, inputTotal, options.Iterations);
    }
}
