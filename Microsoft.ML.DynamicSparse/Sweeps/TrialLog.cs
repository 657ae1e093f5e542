using System.Text.Json;

namespace Microsoft.ML.DynamicSparse;

/// <summary>
/// A trial's history on disk as JSON lines, one <see cref="EpochRecord"/> per line. While the trial runs, each epoch is
/// appended and flushed to "&lt;id&gt;.jsonl.partial"; when it finishes the file is renamed to "&lt;id&gt;.jsonl", so a
/// file under the final name always holds a complete trial. A trial that fails or is cancelled deletes its partial
/// file and runs again next time.
/// </summary>
internal sealed class TrialLog : IProgress<EpochRecord>, IDisposable
{
    private readonly string _path;
    private readonly StreamWriter _writer;
    private bool _completed;

    private TrialLog(string path)
    {
        _path = path;
        _writer = new StreamWriter(path + ".partial", append: false);
    }

    public static string PathOf(string directory, SweepTrial trial) => Path.Combine(directory, trial.Id + ".jsonl");

    public static TrialLog Start(string path) => new(path);

    /// <summary>The history of a finished trial, or null when none is stored under <paramref name="path"/>.</summary>
    public static IReadOnlyList<EpochRecord>? ReadFinished(string path)
    {
        if (!File.Exists(path))
            return null;
        var records = new List<EpochRecord>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            try
            {
                records.Add(JsonSerializer.Deserialize<EpochRecord>(line) ?? throw new JsonException("null record"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not an epoch record ({e.Message}).", e);
            }
        }
        return records;
    }

    public void Report(EpochRecord value)
    {
        _writer.WriteLine(JsonSerializer.Serialize(value));
        _writer.Flush();
    }

    /// <summary>Closes the log and publishes it under its final name.</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Move(_path + ".partial", _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_completed)
            File.Delete(_path + ".partial");
    }
}
