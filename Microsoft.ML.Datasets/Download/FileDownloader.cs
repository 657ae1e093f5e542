using System.Security.Cryptography;

namespace Microsoft.ML.Datasets;

/// <summary>
/// Downloads a <see cref="RemoteFile"/> to a temporary file beside its destination, checks its size and
/// SHA-256, and only then moves it into place, so that the destination either holds the verified file or
/// does not exist. On any failure (HTTP error, wrong size or checksum, cancellation) the temporary file
/// is deleted.
/// </summary>
internal static class FileDownloader
{
    private const int BufferSize = 1 << 16;

    public static void Download(HttpClient client, RemoteFile file, Uri url, string destination,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        try
        {
            string sha256 = Fetch(client, file, url, temporary, progress, cancellationToken);
            if (!string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException(
                    $"Checksum mismatch for '{file.FileName}' downloaded from {url}: SHA-256 {sha256}, expected {file.Sha256}. " +
                    $"Nothing was written to '{destination}'.");
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Streams the response into <paramref name="path"/>, hashing as it goes; returns the SHA-256 in hex.</summary>
    private static string Fetch(HttpClient client, RemoteFile file, Uri url, string path,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Downloading '{file.FileName}' from {url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.",
                null, response.StatusCode);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var source = response.Content.ReadAsStream(cancellationToken))
        using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
        {
            var buffer = new byte[BufferSize];
            long received = 0;
            long reported = -1;
            long nextReport = 0;
            int n;
            while ((n = source.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                received += n;
                if (received > file.Size)
                    throw new InvalidDataException($"'{file.FileName}' from {url} is larger than the expected {file.Size} bytes.");
                hash.AppendData(buffer, 0, n);
                target.Write(buffer, 0, n);
                if (received >= nextReport)
                {
                    progress?.Report(new DownloadProgress(file.FileName, received, file.Size));
                    reported = received;
                    nextReport = received + Math.Max(BufferSize, file.Size / 20);
                }
            }
            if (received != file.Size)
                throw new InvalidDataException($"'{file.FileName}' from {url} has {received} bytes; expected {file.Size}.");
            if (reported != received) progress?.Report(new DownloadProgress(file.FileName, received, file.Size));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
