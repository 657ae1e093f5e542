using System.Diagnostics;

namespace Microsoft.ML.Experiments.Progress;

/// <summary>Progress as plain log lines for redirected output: every line as it comes, and a task's status at most once per
/// <see cref="Interval"/> (with its percentage and ETA), so a log file stays readable.</summary>
public sealed class PlainProgressView(TextWriter output) : IProgressView
{
    private readonly object _lock = new();

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    public T Run<T>(Func<T> work) => work();

    public IProgressTask StartTask(string name, double total) => new Task(this, name, total);

    public void Line(string text)
    {
        lock (_lock)
            output.WriteLine(text);
    }

    private sealed class Task(PlainProgressView view, string name, double total) : IProgressTask
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastShown = TimeSpan.MinValue;

        public void Report(double done, string status)
        {
            var now = _clock.Elapsed;
            if (_lastShown != TimeSpan.MinValue && now - _lastShown < view.Interval)
                return;
            _lastShown = now;
            view.Line($"  {name}: {status} ({ProgressText.Percent(done, total)}{ProgressText.Eta(now, done, total)})");
        }

        public void Complete() => view.Line($"  {name}: done in {ProgressText.Duration(_clock.Elapsed)}");
    }
}
