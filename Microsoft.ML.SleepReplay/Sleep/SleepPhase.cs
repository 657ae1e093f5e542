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
    public static SleepResult Run(MlpNetwork network, ReadOnlySpan<float> sleepData, int count, SleepOptions options,
        IProgress<SleepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(network.LayerCount);
        var input = new SleepInput(sleepData, count, network.InputSize, options);
        var alpha = LayerScaling.Alpha(network, sleepData, count, options);
        var spiking = new SpikingNetwork(network, alpha, options);
        var rng = new Random(options.Seed);
        var inputSpikes = new int[network.InputSize];
        var totals = new long[network.LayerCount];
        long inputTotal = 0;
        for (int t = 0; t < options.Iterations; t++)
        {
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
