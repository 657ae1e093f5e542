using System.Globalization;
using System.Text;

namespace Microsoft.ML.Experiments.Running;

/// <summary>A run's output folder. Result files are written under a temporary name and moved into place, so a reader never
/// sees half a file; <c>log.txt</c> is appended line by line as the run goes.</summary>
public sealed class RunFolder : IDisposable
{
    private readonly StreamWriter _log;
    private readonly object _logLock = new();

    private RunFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        _log = new StreamWriter(System.IO.File.Open(File("log.txt"), FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
    }

    public string Path { get; }

    /// <summary>Opens (creating it) <paramref name="path"/>, or <c>runs/&lt;verb&gt;-&lt;UTC timestamp&gt;</c> when it is null.</summary>
    public static RunFolder Open(string? path, string verb, DateTime utcNow) =>
        new(System.IO.Path.GetFullPath(path ?? System.IO.Path.Combine("runs",
            $"{verb}-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}")));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Appends a line to log.txt (thread-safe: sweeps report from several trials at once).</summary>
    public void Log(string line)
    {
        lock (_logLock)
            _log.WriteLine(line);
    }

    public void WriteText(string name, string text) =>
        WriteAtomically(name, temp => System.IO.File.WriteAllText(temp, text, new UTF8Encoding(false)));

    /// <summary>Writes a file through <paramref name="write"/> (given the temporary path) and moves it into place.</summary>
    public void WriteAtomically(string name, Action<string> write)
    {
        string target = File(name);
        string temp = File($".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            System.IO.File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(temp))
                System.IO.File.Delete(temp);
        }
    }

    public void Dispose() => _log.Dispose();
}
