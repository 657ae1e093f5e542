using System.Text.Json;

namespace Microsoft.ML.Experiments.Tests;

/// <summary>One run of the tool in-process with redirected output: its exit code, console output and error output, and
/// helpers to read its output folder (deleted on dispose: saved BERT models are megabytes).</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, string Folder) : IDisposable
{
    /// <summary>Runs <c>ml-experiments</c> with <paramref name="args"/> and <c>--output</c> set to a fresh temporary folder.
    /// <paramref name="cancelWhen"/>: a console line that triggers the Ctrl+C token (to cancel mid-run).</summary>
    public static CliRun Start(string[] args, string? cancelWhen = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "ml-experiments-test-" + Guid.NewGuid().ToString("N"));
        using var cancel = new CancellationTokenSource();
        var output = new TriggerWriter(cancelWhen, cancel);
        var error = new StringWriter();
        int code = ExperimentApp.Run([.. args, "--output", folder], output, error, interactive: false, cancel.Token);
        return new CliRun(code, output.ToString(), error.ToString(), folder);
    }

    /// <summary>Runs without adding --output (for runs expected to fail before any folder is made).</summary>
    public static (int ExitCode, string Error) Fail(params string[] args)
    {
        var error = new StringWriter();
        int code = ExperimentApp.Run(args, new StringWriter(), error, interactive: false, CancellationToken.None);
        return (code, error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    public string File(string name) => Path.Combine(Folder, name);

    public JsonElement Json(string name) => JsonDocument.Parse(System.IO.File.ReadAllText(File(name))).RootElement;

    public JsonElement Metrics => Json("metrics.json");

    public JsonElement History => Json("history.json");

    public string Report => System.IO.File.ReadAllText(File("report.html"));

    /// <summary>The trainer entries of metrics.json by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Trainers =>
        Metrics.GetProperty("trainers").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

    /// <summary>How many charts of a kind (data-chart attribute) the report holds.</summary>
    public int Charts(string kind) => CountOf(Report, $"data-chart=\"{kind}\"");

    public static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private sealed class TriggerWriter(string? trigger, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (trigger is not null && value is not null && value.Contains(trigger, StringComparison.Ordinal))
                cancel.Cancel();
        }
    }
}
