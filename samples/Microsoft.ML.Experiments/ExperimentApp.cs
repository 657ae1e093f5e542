using System.CommandLine;
using Microsoft.ML.Experiments.Configuration;
using Microsoft.ML.Experiments.Progress;
using Microsoft.ML.Experiments.Running;
using Microsoft.ML.Experiments.Verbs;
using Microsoft.ML.Experiments.Verbs.Continual;
using Microsoft.ML.Experiments.Verbs.Glue;
using Microsoft.ML.Experiments.Verbs.MnistBpSom;
using Microsoft.ML.Experiments.Verbs.Sparse;
using Spectre.Console;

namespace Microsoft.ML.Experiments;

/// <summary>The command line: one verb per experiment. Exit codes: 0 done, 1 failed, 2 bad usage (flag, YAML key, missing
/// file or folder: the message names it), 130 cancelled with Ctrl+C (what finished is written).</summary>
public static class ExperimentApp
{
    public const int UsageExitCode = 2;
    public const int FailureExitCode = 1;

    public static IReadOnlyList<Verb> Verbs { get; } = [new GlueVerb(), new MnistBpSomVerb(), new ContinualVerb(), new SparseVerb()];

    /// <param name="interactive">A terminal: show a live progress display (else plain lines).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellation)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        // A log file has no width, and a terminal that reports none (a pseudo-terminal of size 0) would truncate every line.
        if (!interactive || console.Profile.Width < 40)
            console.Profile.Width = 160;
        IProgressView view = interactive ? new LiveProgressView(console) : new PlainProgressView(output);

        var (root, commands) = BuildRoot();
        int exitCode = 0;
        foreach (var command in commands)
        {
            command.Command.SetAction(parsed =>
            {
                exitCode = RunVerb(command, parsed, console, view, error, cancellation);
                return exitCode;
            });
        }
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
                error.WriteLine($"error: {parseError.Message}");
            error.WriteLine("Run with --help for the verbs and their options.");
            return UsageExitCode;
        }
        int invoked = result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        return invoked != 0 ? invoked : exitCode;
    }

    /// <summary>The settings a command line would run with, without running it; a bad flag, YAML key, file or folder throws
    /// <see cref="UsageException"/> naming it.</summary>
    public static ExperimentSettings ParseSettings(params string[] args)
    {
        var (root, commands) = BuildRoot();
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
            throw new UsageException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        var command = commands.FirstOrDefault(c => c.Command == result.CommandResult.Command)
            ?? throw new UsageException("No verb given; the verbs are " + string.Join(", ", Verbs.Select(v => v.Name)) + ".");
        return command.Bind(result);
    }

    private static (RootCommand Root, IReadOnlyList<VerbCommand> Commands) BuildRoot()
    {
        var root = new RootCommand("Runs the BP-SOM, Sleep Replay Consolidation and dynamic sparse experiments with summaries and HTML reports.");
        var commands = Verbs.Select(v => new VerbCommand(v)).ToArray();
        foreach (var command in commands)
            root.Subcommands.Add(command.Command);
        return (root, commands);
    }

    private static int RunVerb(VerbCommand command, ParseResult parsed, IAnsiConsole console, IProgressView view, TextWriter error,
        CancellationToken cancellation)
    {
        try
        {
            var settings = command.Bind(parsed);
            return ExperimentRunner.Run(command.Verb, settings, console, view, cancellation);
        }
        catch (Exception e) when (e is UsageException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageExitCode;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine("Cancelled before any result was produced.");
            return ExperimentRunner.CancelledExitCode;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or HttpRequestException)
        {
            // Bad data files, a failed download, a full disk: the message says which file; the log holds the stack.
            error.WriteLine($"error: {e.Message}");
            return FailureExitCode;
        }
    }
}
