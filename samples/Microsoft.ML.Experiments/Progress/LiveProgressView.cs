using Spectre.Console;

namespace Microsoft.ML.Experiments.Progress;

/// <summary>A live Spectre progress display for a terminal: one bar per trainer with its status (epoch, batch, loss, accuracy,
/// rate), elapsed time and ETA; lines are printed above the bars.</summary>
public sealed class LiveProgressView(IAnsiConsole console) : IProgressView
{
    private ProgressContext? _context;

    public T Run<T>(Func<T> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 24 }, new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _context = context;
                try
                {
                    return work();
                }
                finally
                {
                    _context = null;
                }
            });

    public IProgressTask StartTask(string name, double total)
    {
        var context = _context ?? throw new InvalidOperationException("A live progress task can only start inside Run.");
        return new Task(context.AddTask(Markup.Escape(name), maxValue: Math.Max(total, 1)), name);
    }

    public void Line(string text) => console.WriteLine(text);

    private sealed class Task(ProgressTask task, string name) : IProgressTask
    {
        public void Report(double done, string status)
        {
            task.Value = done;
            task.Description = Markup.Escape($"{name}: {status}");
        }

        public void Complete()
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
