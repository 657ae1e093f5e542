using Microsoft.ML.Experiments;

// ml-experiments <verb> [options]: see ExperimentApp. The first Ctrl+C cancels the run cleanly (what finished is written; exit
// code 130); a second one ends the process at once, for a run that does not get to a cancellation point.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (cancel.IsCancellationRequested)
        return;
    e.Cancel = true;
    cancel.Cancel();
};
return ExperimentApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
