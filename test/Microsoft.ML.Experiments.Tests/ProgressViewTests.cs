using Microsoft.ML.Experiments.Progress;
using Spectre.Console;

namespace Microsoft.ML.Experiments.Tests;

[TestClass]
public sealed class ProgressViewTests
{
    [TestMethod]
    public void PlainView_ShowsATaskStatusAtMostOncePerInterval_WithItsPercentage()
    {
        var output = new StringWriter();
        var view = new PlainProgressView(output) { Interval = TimeSpan.FromHours(1) };

        var task = view.StartTask("bpsom", 10);
        task.Report(5, "epoch 1/2, batch 5/5");
        task.Report(6, "epoch 2/2, batch 1/5");
        task.Complete();

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(2, lines);
        StringAssert.StartsWith(lines[0], "  bpsom: epoch 1/2, batch 5/5 (50%");
        StringAssert.StartsWith(lines[1], "  bpsom: done in ");
    }

    [TestMethod]
    public void LiveView_OnATerminal_DrawsTheTaskStatus()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes,
        });
        var view = new LiveProgressView(console);

        int result = view.Run(() =>
        {
            var task = view.StartTask("baseline", 4);
            task.Report(2, "epoch 1/2, loss 0.5000");
            view.Line("baseline: epoch 1 done");
            return 7;
        });

        Assert.AreEqual(7, result);
        StringAssert.Contains(output.ToString(), "baseline: epoch 1/2, loss 0.5000");
        StringAssert.Contains(output.ToString(), "baseline: epoch 1 done");
    }

    [TestMethod]
    public void Eta_IsTheElapsedTimeScaledByWhatIsLeft()
    {
        Assert.AreEqual(", ETA 30.0s", ProgressText.Eta(TimeSpan.FromSeconds(10), done: 1, total: 4));
        Assert.AreEqual("", ProgressText.Eta(TimeSpan.FromSeconds(10), done: 0, total: 4));
        Assert.AreEqual("", ProgressText.Eta(TimeSpan.FromSeconds(0.5), done: 1, total: 4), "too early to extrapolate");
        Assert.AreEqual("", ProgressText.Eta(TimeSpan.FromSeconds(10), done: 4, total: 4));
        Assert.AreEqual("2m05s", ProgressText.Duration(TimeSpan.FromSeconds(125)));
    }
}
