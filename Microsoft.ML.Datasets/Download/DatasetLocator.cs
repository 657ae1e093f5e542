namespace Microsoft.ML.Datasets;

/// <summary>
/// Finds a data set's files, fetching them when they are nowhere to be found. The search order is:
/// <list type="number">
/// <item>an explicit folder, when the caller gives one (it must hold the files; nothing is downloaded);</item>
/// <item>the data root named by the <c>MLNET_DATA_DIR</c> environment variable;</item>
/// <item><c>shared/data</c> in the current directory, the application's directory, or any folder above
/// either (so a checkout next to a <c>shared</c> folder finds it);</item>
/// <item>the cache folder (<c>MLNET_DATASETS_CACHE</c>, else <c>$XDG_CACHE_HOME/mlnet-datasets</c>, else
/// <c>~/.cache/mlnet-datasets</c>);</item>
/// <item>a download into the cache from the official location (or <see cref="Mirror"/>), checked against its
/// published size and SHA-256 and moved into place only when complete.</item>
/// </list>
/// A data root has one folder per data set: <c>mnist</c>, <c>fashion-mnist</c>, <c>glue/CoLA</c>,
/// <c>glue/SST-2</c>, <c>glue/MRPC</c>, <c>glue/QQP</c>, <c>glue/STS-B</c>, <c>glue/MNLI</c>,
/// <c>glue/QNLI</c>, <c>glue/RTE</c>, <c>glue/WNLI</c>, each with the files under their official names.
/// </summary>
public sealed class DatasetLocator
{
    public const string DataDirectoryVariable = "MLNET_DATA_DIR";
    public const string CacheDirectoryVariable = "MLNET_DATASETS_CACHE";

    private static readonly HttpClient SharedClient = new() { Timeout = TimeSpan.FromMinutes(30) };

    private readonly HttpClient _client;

    /// <summary>The locator the <c>LoadMnist</c>/<c>LoadGlue</c> catalog methods use when given none.</summary>
    public static DatasetLocator Default { get; } = new();

    /// <param name="cacheDirectory">Where downloads go; null for the default cache folder.</param>
    /// <param name="mirror">Base address to fetch from instead of the official hosts: a file is requested at
    /// <c>mirror/&lt;data-set folder&gt;/&lt;file name&gt;</c>, e.g. <c>mirror/mnist/train-images-idx3-ubyte.gz</c>
    /// or <c>mirror/glue/SST-2.zip</c>. Checksums are verified all the same.</param>
    /// <param name="httpClient">Client for downloads; null for a shared default one.</param>
    public DatasetLocator(string? cacheDirectory = null, Uri? mirror = null, HttpClient? httpClient = null)
    {
        CacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory());
        Mirror = mirror is null || mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/");
        _client = httpClient ?? SharedClient;
    }

    public string CacheDirectory { get; }
    public Uri? Mirror { get; }

    /// <summary>Data roots searched, in order, before the cache; by default <see cref="DefaultDataRoots"/>.</summary>
    public IReadOnlyList<string> DataRoots { get; init; } = DefaultDataRoots().ToArray();

    /// <summary>When false, a data set found nowhere is an error instead of a download.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The folder holding the IDX files of one split of MNIST or Fashion-MNIST.</summary>
    public string LocateMnist(MnistVariant variant, MnistSplit split, string? dataDirectory = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (images, labels) = MnistIdx.FileNames(split);
        string folder = KnownFiles.Folder(variant);
        return Locate(folder, directory => MnistIdx.Contains(directory, split),
            $"{variant} {split} files ({images}[.gz], {labels}[.gz])", dataDirectory,
            target =>
            {
                foreach (var file in KnownFiles.Mnist(variant, split))
                    Download(file, folder, Path.Combine(target, file.FileName), progress, cancellationToken);
            });
    }

    /// <summary>The path of one GLUE file (e.g. <c>glue/SST-2/train.tsv</c>).</summary>
    public string LocateGlue(GlueTask task, GlueSplit split, string? dataDirectory = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        string fileName = GlueFormat.FileName(task, split);
        string folder = KnownFiles.Folder(task);
        string directory = Locate(folder, candidate => File.Exists(Path.Combine(candidate, fileName)),
            $"GLUE {task} file '{fileName}'", dataDirectory,
            target => GlueFetcher.Fetch(task, target, (file, path) => Download(file, MirrorFolder(file, folder), path, progress, cancellationToken),
                cancellationToken));
        return Path.Combine(directory, fileName);
    }

    // GLUE archives sit beside the task folders on a mirror (glue/SST-2.zip); MRPC's sources inside glue/MRPC.
    private static string MirrorFolder(RemoteFile file, string taskFolder) =>
        file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(taskFolder)!.Replace('\\', '/') : taskFolder;

    private string Locate(string folder, Func<string, bool> isComplete, string what, string? dataDirectory, Action<string> fetchInto)
    {
        if (dataDirectory is not null)
        {
            string nested = Path.Combine(dataDirectory, folder);
            if (isComplete(dataDirectory)) return dataDirectory;
            if (isComplete(nested)) return nested;
            throw new FileNotFoundException($"Neither '{dataDirectory}' nor '{nested}' holds the {what}.");
        }

        var tried = new List<string>();
        foreach (string root in DataRoots)
        {
            string candidate = Path.Combine(root, folder);
            tried.Add(candidate);
            if (isComplete(candidate)) return candidate;
        }
        string cached = Path.Combine(CacheDirectory, folder);
        tried.Add(cached);
        if (isComplete(cached)) return cached;
        if (!AllowDownload)
            throw new FileNotFoundException($"Looked for the {what} in {string.Join(", ", tried)}: not found, and downloading is switched off.");

        try
        {
            fetchInto(cached);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"Looked for the {what} in {string.Join(", ", tried)}: not found, and downloading failed: {e.Message}", e, e.StatusCode);
        }
        return isComplete(cached)
            ? cached
            : throw new InvalidDataException($"After downloading, '{cached}' still lacks the {what}.");
    }

    /// <summary>The folder named by <c>MLNET_DATA_DIR</c>, then every existing <c>shared/data</c> folder in or above
    /// the current directory and the application's directory, without duplicates.</summary>
    public static IEnumerable<string> DefaultDataRoots()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } fromEnvironment && seen.Add(fromEnvironment))
            yield return fromEnvironment;
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate) && seen.Add(candidate)) yield return candidate;
            }
        }
    }

    private void Download(RemoteFile file, string mirrorFolder, string destination, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        Uri url = Mirror is null ? file.Url : new Uri(Mirror, $"{mirrorFolder}/{file.FileName}");
        FileDownloader.Download(_client, file, url, destination, progress, cancellationToken);
    }

    private static string DefaultCacheDirectory()
    {
        if (Environment.GetEnvironmentVariable(CacheDirectoryVariable) is { Length: > 0 } configured) return configured;
        string cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cacheHome, "mlnet-datasets");
    }
}
