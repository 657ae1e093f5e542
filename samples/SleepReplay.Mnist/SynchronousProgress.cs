using System.Diagnostics;

/// <summary>Writes progress lines at once, stamped with the elapsed time (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class SynchronousProgress(TextWriter output, Stopwatch clock) : IProgress<string>
{
    public void Report(string value) => output.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {value}");
}
