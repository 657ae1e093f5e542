using System.Diagnostics;

namespace Microsoft.ML.Benchmarks;

/// <summary>Timing helper: warm up, then the median of several repetitions that each run
/// the action enough times to last at least <c>minRepSeconds</c>.</summary>
public static class Measure
{
    /// <summary>Median seconds per call of <paramref name="action"/>.</summary>
    public static double SecondsPerCall(Action action, int repetitions = 7, double minRepSeconds = 0.3)
    {
        // Warm-up: JIT tiering, pools, caches.
        var sw = Stopwatch.StartNew();
        int calls = 0;
        while (sw.Elapsed.TotalSeconds < minRepSeconds || calls < 3) { action(); calls++; }
        int perRep = Math.Max(1, (int)Math.Ceiling(calls * minRepSeconds / sw.Elapsed.TotalSeconds));

        var samples = new double[repetitions];
        for (int r = 0; r < repetitions; r++)
        {
            sw.Restart();
            for (int i = 0; i < perRep; i++) action();
            samples[r] = sw.Elapsed.TotalSeconds / perRep;
        }
        Array.Sort(samples);
        return samples[repetitions / 2];
    }

    /// <summary>Bytes allocated on this thread per call of <paramref name="action"/>, after warm-up.</summary>
    public static double BytesPerCall(Action action, int calls = 20)
    {
        for (int i = 0; i < 3; i++) action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++) action();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
    }
}
