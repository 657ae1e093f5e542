using Microsoft.ML.Experiments.Progress;

namespace Microsoft.ML.Experiments.Running;

/// <summary>What a verb runs with: the output folder, the progress display and the Ctrl+C token.</summary>
public sealed record ExperimentContext(RunFolder Folder, IProgressView Progress, CancellationToken Cancellation)
{
    /// <summary>Writes a line to the console (or live display) and to log.txt.</summary>
    public void Log(string line)
    {
        Folder.Log(line);
        Progress.Line(line);
    }
}
