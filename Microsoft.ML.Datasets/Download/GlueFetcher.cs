using System.IO.Compression;

namespace Microsoft.ML.Datasets;

/// <summary>
/// Fetches one GLUE task into its folder: the task's zip archive is downloaded, verified and unpacked into
/// a temporary folder that is renamed into place when complete. MRPC has no archive: as GLUE's own
/// download script does, its train/dev split is built from the original corpus files and GLUE's list of
/// dev pairs, and its test file gets an index column.
/// </summary>
internal static class GlueFetcher
{
    /// <summary>Fills <paramref name="target"/> (replacing it if it exists) with the task's files.
    /// <paramref name="download"/> fetches a verified file to a path.</summary>
    public static void Fetch(GlueTask task, string target, Action<RemoteFile, string> download, CancellationToken cancellationToken)
    {
        if (KnownFiles.GlueArchive(task) is { } archive) FetchArchive(archive, target, download);
        else FetchMrpc(target, download, cancellationToken);
    }

    /// <summary>Downloads <paramref name="archive"/> and moves its folder holding <c>train.tsv</c> to <paramref name="target"/>.</summary>
    public static void FetchArchive(RemoteFile archive, string target, Action<RemoteFile, string> download) =>
        Stage(target, staging => Unpack(archive, staging, download));

    /// <summary>Downloads MRPC's sources and builds GLUE's MRPC files in <paramref name="target"/>.</summary>
    public static void FetchMrpc(string target, Action<RemoteFile, string> download, CancellationToken cancellationToken) =>
        Stage(target, staging => BuildMrpc(staging, download, cancellationToken));

    /// <summary>Builds a folder inside a temporary staging folder beside <paramref name="target"/> and renames it
    /// into place when complete; the staging folder is deleted whatever happens.</summary>
    private static void Stage(string target, Func<string, string> build)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(staging);
            string complete = build(staging);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(complete, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Downloads and unpacks an archive; returns the unpacked folder that holds <c>train.tsv</c>.</summary>
    private static string Unpack(RemoteFile archive, string staging, Action<RemoteFile, string> download)
    {
        string zipPath = Path.Combine(staging, archive.FileName);
        download(archive, zipPath);
        string unpacked = Path.Combine(staging, "unpacked");
        try
        {
            ZipFile.ExtractToDirectory(zipPath, unpacked);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{archive.FileName}' from {archive.Url} is not a valid zip archive: {e.Message}", e);
        }
        string? train = Directory.EnumerateFiles(unpacked, "train.tsv", SearchOption.AllDirectories)
            .FirstOrDefault(p => !p.Contains("__MACOSX", StringComparison.Ordinal));
        return train is null
            ? throw new InvalidDataException($"'{archive.FileName}' holds no train.tsv.")
            : Path.GetDirectoryName(train)!;
    }

    private static string BuildMrpc(string staging, Action<RemoteFile, string> download, CancellationToken cancellationToken)
    {
        var (trainSource, testSource, devIdsSource) = KnownFiles.MrpcSources;
        string sources = Path.Combine(staging, "sources");
        string output = Path.Combine(staging, "MRPC");
        Directory.CreateDirectory(sources);
        Directory.CreateDirectory(output);
        foreach (var file in new[] { trainSource, testSource, devIdsSource })
        {
            cancellationToken.ThrowIfCancellationRequested();
            download(file, Path.Combine(sources, file.FileName));
        }
        MrpcSplitter.Split(Path.Combine(sources, trainSource.FileName), Path.Combine(sources, testSource.FileName),
            Path.Combine(sources, devIdsSource.FileName), output);
        return output;
    }
}
