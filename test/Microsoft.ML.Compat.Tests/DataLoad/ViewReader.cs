using Microsoft.ML.Data;

namespace Microsoft.ML.Compat.Tests.DataLoad;

/// <summary>Reads whole columns of a view through a cursor, for assertions in the H2 test folders.</summary>
internal static class ViewReader
{
    public static T[] Column<T>(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<T>(column);
        var values = new List<T>();
        while (cursor.MoveNext())
        {
            T value = default!;
            getter(ref value);
            values.Add(value);
        }
        return values.ToArray();
    }

    public static string[] Text(IDataView view, string name) =>
        Column<ReadOnlyMemory<char>>(view, name).Select(m => m.ToString()).ToArray();

    public static T[][] Vectors<T>(IDataView view, string name) =>
        Column<VBuffer<T>>(view, name).Select(v => v.DenseValues().ToArray()).ToArray();
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "h2-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> (joined with '\n') to a new file and returns its path.</summary>
    public string Write(string fileName, params string[] lines)
    {
        string path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
