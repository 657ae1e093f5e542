namespace Microsoft.ML.Experiments.Progress;

/// <summary>How a run shows its progress: a live Spectre display on a terminal, plain lines otherwise.</summary>
public interface IProgressView
{
    /// <summary>Runs <paramref name="work"/> inside the display (a live display owns the console while it runs).</summary>
    T Run<T>(Func<T> work);

    /// <summary>Starts a bar for one trainer, trial or protocol run; <paramref name="total"/> is counted in whatever units
    /// <see cref="IProgressTask.Report"/> advances (batches, epochs, trials).</summary>
    IProgressTask StartTask(string name, double total);

    /// <summary>A line for the reader (an epoch summary, a finished trial).</summary>
    void Line(string text);
}

/// <summary>One bar of a progress display.</summary>
public interface IProgressTask
{
    /// <summary>Sets how much is done and the status text (epoch, batch, loss, accuracy, rate).</summary>
    void Report(double done, string status);

    void Complete();
}
