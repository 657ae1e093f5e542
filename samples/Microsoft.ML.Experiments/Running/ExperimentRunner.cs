using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Progress;
using Microsoft.ML.Experiments.Reporting;
using Microsoft.ML.Experiments.Verbs;
using Microsoft.ML.Reports;
using Spectre.Console;

namespace Microsoft.ML.Experiments.Running;

/// <summary>Runs one verb with its settings complete: opens the output folder, runs the verb under the progress display, then
/// writes metrics.json, history.json and report.html and prints the summary, whether the run finished or was cancelled.</summary>
public static class ExperimentRunner
{
    public const int CancelledExitCode = 130;

    public static int Run(Verb verb, ExperimentSettings settings, IAnsiConsole console, IProgressView view, CancellationToken cancellation)
    {
        using var folder = RunFolder.Open(settings.Output, verb.Name, DateTime.UtcNow);
        var context = new ExperimentContext(folder, view, cancellation);
        var settingsText = verb.Settings.Select(s => (s.Flag, Value: s.Format(settings))).ToArray();
        context.Log($"ml-experiments {verb.Name}, output in {folder.Path}");
        folder.Log("settings: " + string.Join(' ', settingsText.Select(s => $"{s.Flag} {s.Value}")));

        ExperimentOutcome outcome;
        try
        {
            outcome = view.Run(() => verb.Run(settings, context));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            folder.Log($"failed: {e}");
            throw;
        }
        if (outcome.Cancelled)
            context.Log("Cancelled: writing the results of the trainers that finished.");

        ResultFiles.Write(folder, verb.Name, outcome);
        var report = new HtmlReport($"ml-experiments {verb.Name}", outcome.Cancelled ? "Cancelled run: partial results" : verb.Description);
        ReportParts.AddSummary(report, outcome, folder.Path);
        outcome.AddReportSections(report);
        var table = report.AddSection("Settings").Add(new SummaryTable());
        foreach (var (flag, value) in settingsText)
            table.Add(flag, value);
        report.Save(folder.File("report.html"));
        folder.Log(outcome.Cancelled ? "status: cancelled" : "status: completed");

        SummaryPrinter.Print(console, verb.Name, outcome, folder);
        return outcome.Cancelled ? CancelledExitCode : 0;
    }
}
